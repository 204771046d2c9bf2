namespace Kabar.Text;

/// <summary>
/// Light normalisation of a word for matching: invariant lower case, then for common words only a light
/// suffix strip for Indonesian (clitics "-nya", "-lah", "-kah", "-pun", possessives "-ku", "-mu") and the Porter
/// stemmer for English. Capitalised words inside a sentence are taken as names and never stemmed, so "Aurus" stays
/// "aurus". Indonesian gets no prefix stripping: over-stemming ("pemerintah" → "erintah") joins words that mean
/// different things, which costs more in alignment than it gains.
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
        return Key(buffer, language, isName).ToString();
    }

    /// <summary>The matching key of a word already in invariant lower case: a part of it, or for an English common
    /// word its stem.</summary>
    public static ReadOnlySpan<char> Key(ReadOnlySpan<char> lower, Language language, bool isName) =>
        isName ? lower : language switch
        {
            Language.English => English.PorterStemmer.Stem(new string(lower)),
            Language.Indonesian or Language.Malay => lower[..IndonesianStem(lower)],
            _ => lower,
        };

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
}
