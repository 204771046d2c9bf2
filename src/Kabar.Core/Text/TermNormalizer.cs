namespace Kabar.Text;

/// <summary>
/// Light normalisation of a word for matching: invariant lower case, then for common words only a light
/// suffix strip (Indonesian clitics "-nya", "-lah", "-kah", "-pun", possessives "-ku", "-mu"; English plural
/// and "-ed"/"-ing"/"-ly"). Capitalised words inside a sentence are taken as names and never stemmed, so
/// "Aurus" stays "aurus". Deliberately not a full stemmer: over-stemming ("pemerintah" → "erintah") joins
/// words that mean different things, which costs more in alignment than it gains.
/// </summary>
public static class TermNormalizer
{
    /// <summary>The matching key of a word.</summary>
    /// <param name="word">The word as written.</param>
    /// <param name="language">The article's language; decides the suffix rules.</param>
    /// <param name="isName">True for a capitalised word not at the start of a sentence.</param>
    public static string Normalize(ReadOnlySpan<char> word, Language language, bool isName)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(buffer);
        ReadOnlySpan<char> lower = buffer;
        if (isName)
        {
            return new string(lower);
        }

        int keep = language switch
        {
            Language.English => EnglishStem(lower),
            Language.Indonesian or Language.Malay => IndonesianStem(lower),
            _ => lower.Length,
        };
        return new string(lower[..keep]);
    }

    private static int IndonesianStem(ReadOnlySpan<char> w)
    {
        int n = w.Length;
        foreach (string particle in (ReadOnlySpan<string>)["nya", "lah", "kah", "pun"])
        {
            if (n - particle.Length >= 4 && w.EndsWith(particle, StringComparison.Ordinal) && !w.Contains('-'))
            {
                n -= particle.Length;
                break;
            }
        }

        foreach (string possessive in (ReadOnlySpan<string>)["ku", "mu"])
        {
            if (n - possessive.Length >= 5 && w[..n].EndsWith(possessive, StringComparison.Ordinal))
            {
                n -= possessive.Length;
                break;
            }
        }

        return n;
    }

    private static int EnglishStem(ReadOnlySpan<char> w)
    {
        int n = w.Length;
        if (n <= 3)
        {
            return n;
        }

        if (w.EndsWith("ies") && n > 4)
        {
            return n - 3; // "agencies" and "agency" meet at "agenc"
        }

        if (w[^1] == 'y' && !IsVowel(w[^2]))
        {
            return n - 1;
        }

        if (w.EndsWith("sses") || w.EndsWith("shes") || w.EndsWith("ches") || w.EndsWith("xes"))
        {
            return n - 2;
        }

        if (w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i'))
        {
            n--;
        }

        if (n > 5 && w[..n].EndsWith("ing") && HasVowel(w[..(n - 3)]))
        {
            return n - 3;
        }

        if (n > 4 && w[..n].EndsWith("ed") && HasVowel(w[..(n - 2)]))
        {
            return n - 2;
        }

        if (n > 5 && w[..n].EndsWith("ly"))
        {
            return n - 2;
        }

        if (n > 4 && w[n - 1] == 'e')
        {
            return n - 1; // "drive" and "driving"/"drived" meet at "driv"
        }

        return n;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool HasVowel(ReadOnlySpan<char> s) => s.IndexOfAny("aeiouy") >= 0;
}
