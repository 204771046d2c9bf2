using System.Collections.Frozen;

namespace Kabar.Text;

/// <summary>
/// Tells Indonesian, English and Malay apart by their function words, and Indonesian from Malay by the
/// words where the two standards differ ("karena"/"kerana", "bisa"/"boleh", "setelah"/"selepas").
/// Text with too few known words is <see cref="Language.Other"/>. Pure and thread-safe.
/// </summary>
public static class LanguageIdentifier
{
    // Below this share of recognised function words the text is not taken to be in a known language.
    private const double MinFunctionWordShare = 0.12;

    // Longer words are no function words, and are not counted.
    private const int MaxWordLength = 32;

    private static readonly FrozenSet<string> s_indonesianOnly = FrozenSet.Create(StringComparer.Ordinal,
    [
        "karena", "bisa", "saat", "tersebut", "setelah", "pemerintah", "uang", "polisi", "kantor", "kendaraan", "yaitu", "mau",
        "tentara", "delapan", "juni", "juli", "agustus", "sejumlah", "kemarin", "ujar", "nggak", "gak", "sekitar", "rumah", "sakit",
        "sedangkan", "dikatakan", "berbagai", "kali", "baru", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
    ]);

    private static readonly FrozenSet<string> s_malayOnly = FrozenSet.Create(StringComparer.Ordinal,
    [
        "kerana", "boleh", "ialah", "iaitu", "semasa", "sahaja", "selepas", "berkata", "kerajaan", "wang", "polis", "pejabat",
        "kenderaan", "manakala", "ramai", "hospital", "julai", "ogos", "mahu", "tentera", "lapan", "sebarang", "bagaimanapun",
        "kira-kira", "jabatan", "negeri", "encik", "beliau", "terdapat", "dapati", "isnin", "khamis", "ahad", "jun",
    ]);

    [Flags]
    private enum Clue : byte
    {
        English = 1,
        Malayic = 2,
        IndonesianOnly = 4,
        MalayOnly = 8,
    }

    // What each word of the four lists says, so that a word is looked up once rather than in each list; asked with a span.
    private static readonly FrozenDictionary<string, Clue>.AlternateLookup<ReadOnlySpan<char>> s_clues = Clues().GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, Clue> Clues()
    {
        var clues = new Dictionary<string, Clue>(StringComparer.Ordinal);
        foreach ((IEnumerable<string> words, Clue clue) in new (IEnumerable<string>, Clue)[]
        {
            (Stopwords.English, Clue.English), (Stopwords.Indonesian, Clue.Malayic), (s_indonesianOnly, Clue.IndonesianOnly), (s_malayOnly, Clue.MalayOnly),
        })
        {
            foreach (string word in words)
            {
                clues[word] = clues.GetValueOrDefault(word) | clue;
            }
        }

        return clues.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The language of the words of <paramref name="tokens"/>' sentences, and the share of them that decided it (0–1).</summary>
    public static (Language Language, double Confidence) Identify(SentenceTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        int words = 0, english = 0, malayic = 0, indonesianOnly = 0, malayOnly = 0;
        foreach (Token token in tokens.All)
        {
            if (token.Kind != TokenKind.Word || token.End - token.Start > MaxWordLength)
            {
                continue;
            }

            words++;
            if (s_clues.TryGetValue(tokens.Lower.AsSpan(token.Start, token.End - token.Start), out Clue clue))
            {
                english += (clue & Clue.English) != 0 ? 1 : 0;
                malayic += (clue & Clue.Malayic) != 0 ? 1 : 0;
                indonesianOnly += (clue & Clue.IndonesianOnly) != 0 ? 1 : 0;
                malayOnly += (clue & Clue.MalayOnly) != 0 ? 1 : 0;
            }
        }

        if (words == 0)
        {
            return (Language.Other, 0);
        }

        double englishShare = (double)english / words;
        double malayicShare = (double)malayic / words;
        if (Math.Max(englishShare, malayicShare) < MinFunctionWordShare)
        {
            return (Language.Other, Math.Max(englishShare, malayicShare));
        }

        if (englishShare >= malayicShare)
        {
            return (Language.English, englishShare);
        }

        bool malay = malayOnly >= 2 && malayOnly > indonesianOnly * 1.5;
        return (malay ? Language.Malay : Language.Indonesian, malayicShare);
    }
}
