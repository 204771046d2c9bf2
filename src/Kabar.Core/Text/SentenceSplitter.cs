using System.Collections.Frozen;

namespace Kabar.Text;

/// <summary>
/// Splits Indonesian and English news text into sentences. A line break always ends a sentence (news
/// paragraphs and subheadings are lines). Inside a line, '.', '!', '?' and '…' end a sentence when the next
/// word starts a new one, except after abbreviations ("St.", "Jl.", "Dr.", "No.") and initials; digits
/// such as "1.000" and "1,5" never split. A missing space after a full stop ("penumpang.Presiden") is
/// recognised. Pure and thread-safe.
/// </summary>
public static class SentenceSplitter
{
    private static readonly FrozenSet<string> s_abbreviations = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        // Indonesian titles, ranks, addresses and common short forms
        "st", "jl", "jln", "dr", "drs", "dra", "drg", "no", "prof", "ir", "hj", "kh", "sdr", "sdri", "bpk", "ny", "nn", "tn",
        "kol", "letjen", "mayjen", "brigjen", "kapt", "kompol", "aiptu", "bripka", "ipda", "iptu", "akp", "akbp", "kombes", "irjen",
        "rp", "dll", "dsb", "dst", "tsb", "dkk", "ybs", "tbk", "pt", "cv", "kec", "kab", "kel", "prov", "hlm", "hal", "yth", "sbg",
        // English
        "mr", "mrs", "ms", "jr", "sr", "gen", "col", "lt", "capt", "sgt", "gov", "sen", "rep", "pres", "rev", "vs", "vol", "inc",
        "ltd", "co", "corp", "etc", "approx", "ave", "rd", "fig", "dept", "est", "ft", "mt", "ph",
        // months as written in datelines
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "agu", "agt", "sep", "sept", "oct", "okt", "nov", "dec", "des",
    ]);

    /// <summary>Sentence spans of <c>text[span]</c>, trimmed of surrounding white space, in order.</summary>
    public static List<TextSpan> Split(string text, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<TextSpan>();
        int lineStart = span.Start;
        for (int i = span.Start; i <= span.End; i++)
        {
            if (i == span.End || text[i] == '\n')
            {
                SplitLine(text, lineStart, i, sentences);
                lineStart = i + 1;
            }
        }

        return sentences;
    }

    /// <summary>Sentence spans of the whole text.</summary>
    public static List<TextSpan> Split(string text) => Split(text, new TextSpan(0, text.Length));

    private static void SplitLine(string text, int start, int end, List<TextSpan> sentences)
    {
        int sentenceStart = start;
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (c is not ('.' or '!' or '?' or '…'))
            {
                i++;
                continue;
            }

            int termStart = i;
            while (i < end && text[i] is '.' or '!' or '?' or '…')
            {
                i++;
            }

            while (i < end && text[i] is '"' or '\'' or ')' or ']')
            {
                i++;
            }

            if (i < end && IsBoundary(text, termStart, i, end))
            {
                Add(text, sentenceStart, i, sentences);
                sentenceStart = i;
            }
        }

        Add(text, sentenceStart, end, sentences);
    }

    private static bool IsBoundary(string text, int termStart, int afterClose, int end)
    {
        bool singleDot = text[termStart] == '.' && (termStart + 1 >= end || text[termStart + 1] != '.');
        if (!char.IsWhiteSpace(text[afterClose]))
        {
            // "penumpang.Presiden": a lower-case word glued to a capitalised one; not "TEMPO.CO" nor "detik.com".
            return singleDot && afterClose == termStart + 1
                && WordBefore(text, termStart).Length >= 3 && char.IsLower(text[termStart - 1])
                && char.IsUpper(text[afterClose]) && afterClose + 1 < end && char.IsLower(text[afterClose + 1]);
        }

        int next = afterClose;
        while (next < end && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        if (next >= end)
        {
            return false;
        }

        char n = text[next];
        if (!(char.IsUpper(n) || char.IsDigit(n) || n is '"' or '\'' or '(' or '['))
        {
            return false;
        }

        if (!singleDot)
        {
            return true;
        }

        ReadOnlySpan<char> word = WordBefore(text, termStart);
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return false; // an initial: "Mohammad S. Hidayat"
        }

        return !s_abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    private static ReadOnlySpan<char> WordBefore(string text, int index)
    {
        int start = index;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        return text.AsSpan(start, index - start);
    }

    private static void Add(string text, int start, int end, List<TextSpan> sentences)
    {
        TextSpan sentence = new TextSpan(start, end).Trim(text);
        if (sentence.Length > 0)
        {
            sentences.Add(sentence);
        }
    }
}
