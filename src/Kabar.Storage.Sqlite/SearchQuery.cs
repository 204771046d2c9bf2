using System.Globalization;
using System.Text;
using Kabar.Text;

namespace Kabar.Storage.Sqlite;

/// <summary>
/// A user's search turned into two FTS5 queries: <see cref="Exact"/> matches the words as typed (and any ending:
/// "banjir" finds "banjirnya"), <see cref="Expanded"/> also their Indonesian word families ("melaporkan" finds
/// "laporan", "pelapor", "dilaporkan"). Results matching the exact query rank first. "Quoted phrases" are matched as
/// phrases, unexpanded. Only letters and digits reach FTS5, each in double quotes, so no user text is read as query syntax.
/// </summary>
public sealed record SearchQuery(string Exact, string Expanded, IReadOnlyList<string> Words)
{
    // The forms of one word are OR-ed; this bounds the work one word can cause.
    private const int MaxFormsPerWord = 48;

    /// <summary>The queries for <paramref name="text"/>, or null when it holds no word.</summary>
    public static SearchQuery? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var exact = new List<string>();
        var expanded = new List<string>();
        var words = new List<string>();
        string[] parts = text.Split('"');
        for (int i = 0; i < parts.Length; i++)
        {
            List<string> tokens = Tokens(parts[i]);
            if (tokens.Count == 0)
            {
                continue;
            }

            words.AddRange(tokens);
            if (i % 2 == 1 && tokens.Count > 1)
            {
                string phrase = Quote(string.Join(' ', tokens)); // inside quotes: a phrase
                exact.Add(phrase);
                expanded.Add(phrase);
                continue;
            }

            foreach (string token in tokens)
            {
                exact.Add(Term(token));
                IEnumerable<string> forms = IndonesianAffixes.Roots(token)
                    .SelectMany(IndonesianAffixes.Forms).Prepend(token).Distinct(StringComparer.Ordinal).Take(MaxFormsPerWord);
                expanded.Add("(" + string.Join(" OR ", forms.Select(Term)) + ")");
            }
        }

        return words.Count == 0 ? null : new SearchQuery(string.Join(" AND ", exact), string.Join(" AND ", expanded), words);
    }

    // A word of three letters or more also matches its longer forms ("banjir" → "banjirnya"); a shorter one only itself.
    private static string Term(string word) => word.Length >= 3 ? Quote(word) + "*" : Quote(word);

    private static string Quote(string text) => "\"" + text + "\"";

    // Lower-cased runs of letters and digits, as the index's tokenizer sees words (diacritics are dropped there too).
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        foreach (char c in text.Normalize(NormalizationForm.FormD))
        {
            UnicodeCategory category = char.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                tokens.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            tokens.Add(word.ToString());
        }

        return tokens;
    }
}
