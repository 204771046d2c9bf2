using System.Globalization;
using System.Text;
using Kabar.Text;

namespace Kabar.Storage.Sqlite;

/// <summary>
/// A user's search turned into two FTS5 queries: <see cref="Exact"/> matches the words as typed (with their endings:
/// "banjir" finds "banjirnya"), <see cref="Expanded"/> also their Indonesian word families ("melaporkan" finds
/// "laporan", "pelapor", "dilaporkan"). Results matching the exact query rank first. "Quoted phrases" are matched as
/// phrases, unexpanded. Only letters and digits reach FTS5, each in double quotes, so no user text is read as query syntax.
/// </summary>
public sealed record SearchQuery(string Exact, string Expanded, IReadOnlyList<string> Words)
{
    /// <summary>The most words a search may hold: each brings dozens of forms into the query.</summary>
    public const int MaxWords = 16;

    // The forms of one word are OR-ed; this bounds the work one word can cause.
    private const int MaxFormsPerWord = 24;

    // Endings a word takes: Indonesian suffixes, particles and possessives, and the English plural. Listed rather than
    // matched with a prefix query ("banjir"*), which would merge the postings of every word that starts the same way
    // and costs milliseconds per word on a large store.
    private static readonly string[] s_endings = ["", "nya", "lah", "kah", "pun", "kan", "an", "i", "kannya", "annya", "inya", "s", "es"];

    // The endings that make most of a family's forms; the particles and the rest are left to the word as typed.
    private static readonly string[] s_familyEndings = ["", "nya", "kan", "an", "i"];

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
                string asTyped = Endings([token], s_endings);
                // A word that has affixes is a form of its roots, not a root itself ("mengungsi" is not prefixed again).
                IReadOnlyList<string> roots = IndonesianAffixes.Roots(token);
                List<string> family = [.. (roots.Count > 1 ? roots.Skip(1) : roots).SelectMany(IndonesianAffixes.Forms).Where(f => f != token)
                    .Distinct(StringComparer.Ordinal).Take(MaxFormsPerWord)];
                exact.Add(asTyped);
                expanded.Add(family.Count == 0 ? asTyped : $"({asTyped} OR {Endings(family, s_familyEndings)})");
            }
        }

        return words.Count == 0 ? null : new SearchQuery(string.Join(" AND ", exact), string.Join(" AND ", expanded), words);
    }

    // Any of the words with any of their endings ("banjir" → banjir, banjirnya, banjirlah, …); a word of fewer than
    // three letters only as it is.
    private static string Endings(IEnumerable<string> words, string[] endings) =>
        "(" + string.Join(" OR ", words.SelectMany(w => w.Length >= 3 ? endings.Select(e => w + e) : [w]).Distinct(StringComparer.Ordinal).Select(Quote)) + ")";

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
