namespace Kabar.Text.English;

/// <summary>
/// The Porter stemmer (M. F. Porter, "An algorithm for suffix stripping", Program 14(3), 1980), for lower-case
/// English words. Written from the paper's rules; steps are named as there.
/// </summary>
internal static class PorterStemmer
{
    /// <summary>The stem of a lower-case word; words of two letters or fewer are returned as they are.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 2)
        {
            return word;
        }

        var w = new Word(word);
        Step1a(w);
        Step1b(w);
        Step1c(w);
        Step2(w);
        Step3(w);
        Step4(w);
        Step5(w);
        return w.ToString();
    }

    private sealed class Word(string text)
    {
        private readonly char[] _b = text.ToCharArray();

        public int Length { get; set; } = text.Length;

        public char this[int i] => _b[i];

        public override string ToString() => new(_b, 0, Length);

        public bool EndsWith(string suffix) => Length >= suffix.Length && _b.AsSpan(Length - suffix.Length, suffix.Length).SequenceEqual(suffix);

        public void Replace(string suffix, string with)
        {
            int stem = Length - suffix.Length;
            with.CopyTo(0, _b, stem, with.Length);
            Length = stem + with.Length;
        }

        public bool IsConsonant(int i) => _b[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        // m in [C](VC)^m[V] over the first `length` letters.
        public int Measure(int length)
        {
            int m = 0, i = 0;
            while (i < length && IsConsonant(i))
            {
                i++;
            }

            while (i < length)
            {
                while (i < length && !IsConsonant(i))
                {
                    i++;
                }

                if (i >= length)
                {
                    break;
                }

                m++;
                while (i < length && IsConsonant(i))
                {
                    i++;
                }
            }

            return m;
        }

        public bool HasVowel(int length)
        {
            for (int i = 0; i < length; i++)
            {
                if (!IsConsonant(i))
                {
                    return true;
                }
            }

            return false;
        }

        public bool EndsWithDoubleConsonant(int length) =>
            length >= 2 && _b[length - 1] == _b[length - 2] && IsConsonant(length - 1);

        // *o: the stem ends consonant-vowel-consonant, the last not w, x or y.
        public bool EndsCvc(int length) =>
            length >= 3 && IsConsonant(length - 3) && !IsConsonant(length - 2) && IsConsonant(length - 1)
            && _b[length - 1] is not ('w' or 'x' or 'y');
    }

    private static bool ReplaceIf(Word w, string suffix, string with, int minMeasure)
    {
        if (!w.EndsWith(suffix))
        {
            return false;
        }

        if (w.Measure(w.Length - suffix.Length) > minMeasure)
        {
            w.Replace(suffix, with);
        }

        return true;
    }

    private static void Step1a(Word w)
    {
        if (w.EndsWith("sses"))
        {
            w.Replace("sses", "ss");
        }
        else if (w.EndsWith("ies"))
        {
            w.Replace("ies", "i");
        }
        else if (!w.EndsWith("ss") && w.EndsWith("s"))
        {
            w.Replace("s", "");
        }
    }

    private static void Step1b(Word w)
    {
        if (w.EndsWith("eed"))
        {
            ReplaceIf(w, "eed", "ee", 0);
            return;
        }

        string? removed = w.EndsWith("ed") && w.HasVowel(w.Length - 2) ? "ed" : w.EndsWith("ing") && w.HasVowel(w.Length - 3) ? "ing" : null;
        if (removed is null)
        {
            return;
        }

        w.Replace(removed, "");
        if (w.EndsWith("at") || w.EndsWith("bl") || w.EndsWith("iz"))
        {
            w.Replace("", "e");
        }
        else if (w.EndsWithDoubleConsonant(w.Length) && w[w.Length - 1] is not ('l' or 's' or 'z'))
        {
            w.Length--;
        }
        else if (w.Measure(w.Length) == 1 && w.EndsCvc(w.Length))
        {
            w.Replace("", "e");
        }
    }

    private static void Step1c(Word w)
    {
        if (w.EndsWith("y") && w.HasVowel(w.Length - 1))
        {
            w.Replace("y", "i");
        }
    }

    private static readonly (string Suffix, string With)[] s_step2 =
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"),
        ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
        ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
        ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
    ];

    private static readonly (string Suffix, string With)[] s_step3 =
    [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ];

    private static readonly string[] s_step4 =
    [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti",
        "ous", "ive", "ize",
    ];

    private static void Step2(Word w)
    {
        foreach ((string suffix, string with) in s_step2)
        {
            if (ReplaceIf(w, suffix, with, 0))
            {
                return;
            }
        }
    }

    private static void Step3(Word w)
    {
        foreach ((string suffix, string with) in s_step3)
        {
            if (ReplaceIf(w, suffix, with, 0))
            {
                return;
            }
        }
    }

    private static void Step4(Word w)
    {
        // The longest matching suffix decides ("ement" before "ment" before "ent").
        string? match = s_step4.Where(w.EndsWith).MaxBy(s => s.Length);
        if (match is null)
        {
            return;
        }

        int stem = w.Length - match.Length;
        if (w.Measure(stem) > 1 && (match != "ion" || (stem > 0 && w[stem - 1] is 's' or 't')))
        {
            w.Length = stem;
        }
    }

    private static void Step5(Word w)
    {
        if (w.EndsWith("e"))
        {
            int m = w.Measure(w.Length - 1);
            if (m > 1 || (m == 1 && !w.EndsCvc(w.Length - 1)))
            {
                w.Length--;
            }
        }

        if (w.Measure(w.Length) > 1 && w.EndsWithDoubleConsonant(w.Length) && w[w.Length - 1] == 'l')
        {
            w.Length--;
        }
    }
}
