using System.Collections.Frozen;

namespace Kabar.Text;

/// <summary>Function words that carry no content, per language; lower-case, looked up with ordinal comparison.</summary>
public static class Stopwords
{
    /// <summary>Indonesian function words (also serves Malay, with a few Malay-only forms).</summary>
    public static FrozenSet<string> Indonesian { get; } = FrozenSet.Create(StringComparer.Ordinal,
    [
        "ada", "adalah", "adanya", "agar", "akan", "aku", "anda", "antara", "apa", "apakah", "atas", "atau", "bagai", "bagaimana",
        "bagi", "bahkan", "bahwa", "banyak", "baru", "beberapa", "begitu", "belum", "berada", "bersama", "besar", "bisa", "boleh",
        "bukan", "cukup", "dalam", "dan", "dapat", "dari", "daripada", "demikian", "dengan", "di", "dia", "diri", "dua", "hal",
        "hampir", "hanya", "harus", "hingga", "ia", "ialah", "iaitu", "ini", "itu", "jadi", "jika", "juga", "kalau", "kami", "kamu",
        "karena", "kerana", "ke", "kedua", "kemudian", "kepada", "ketika", "kita", "lagi", "lain", "lalu", "lebih", "maka", "mana",
        "masih", "mau", "melalui", "memang", "mereka", "misalnya", "mungkin", "namun", "nya", "oleh", "pada", "para", "pernah",
        "pula", "pun", "saat", "saja", "sahaja", "salah", "sama", "sampai", "sang", "satu", "saya", "sebagai", "sebelum",
        "sebelumnya", "sebuah", "secara", "sedang", "sehingga", "sejak", "sekali", "selain", "selama", "seluruh", "semua",
        "sementara", "seorang", "seperti", "serta", "sesuai", "setelah", "selepas", "si", "sudah", "supaya", "tak", "tanpa",
        "telah", "tentang", "terhadap", "tersebut", "tetapi", "tidak", "untuk", "yaitu", "yakni", "yang", "sambil", "kah", "lah",
        "pula", "tiap", "setiap", "pihak", "dirinya", "ujar", "kata", "katanya", "sebut", "menurut",
    ]);

    /// <summary>English function words.</summary>
    public static FrozenSet<string> English { get; } = FrozenSet.Create(StringComparer.Ordinal,
    [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does",
        "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here",
        "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me",
        "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our",
        "ours", "ourselves", "out", "over", "own", "said", "same", "she", "should", "so", "some", "such", "than", "that", "the",
        "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
        "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
        "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "says", "say", "would", "may", "might",
        "must", "shall", "upon", "whether", "yet", "within", "without", "among", "per", "via",
    ]);

    // The same lists asked with a span, so that a word need not become a string to be looked up.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_english = English.GetAlternateLookup<ReadOnlySpan<char>>(),
        s_indonesian = Indonesian.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The list for <paramref name="language"/>; for <see cref="Language.Other"/> both lists together.</summary>
    public static bool IsStopword(string lowered, Language language) => IsStopword(lowered.AsSpan(), language);

    /// <summary>The list for <paramref name="language"/>; for <see cref="Language.Other"/> both lists together.</summary>
    public static bool IsStopword(ReadOnlySpan<char> lowered, Language language) => language switch
    {
        Language.English => s_english.Contains(lowered),
        Language.Indonesian or Language.Malay => s_indonesian.Contains(lowered),
        _ => s_english.Contains(lowered) || s_indonesian.Contains(lowered),
    };
}
