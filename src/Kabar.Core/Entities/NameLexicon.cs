using System.Collections.Frozen;

namespace Kabar.Entities;

/// <summary>Small built-in word lists that split and classify capitalised sequences. Lower-case keys.</summary>
internal static class NameLexicon
{
    /// <summary>Titles that precede a person's name and are not part of it.</summary>
    public static readonly FrozenSet<string> Titles = FrozenSet.Create(StringComparer.Ordinal,
    [
        "presiden", "wakil", "menteri", "perdana", "gubernur", "bupati", "wali", "walikota", "ketua", "direktur", "jenderal",
        "raja", "ratu", "pangeran", "kanselir", "sekretaris", "mayjen", "letjen", "brigjen", "kolonel", "kapten", "kapolri",
        "kapolda", "kapolres", "jaksa", "hakim", "juru", "bicara", "pemimpin", "senator", "anggota", "dubes", "duta", "besar",
        "president", "prime", "minister", "king", "queen", "prince", "chancellor", "secretary", "general", "governor", "mayor",
        "syahbandar", "kepala", "camat", "lurah", "kades", "rektor", "dekan", "kapolsek", "harbourmaster", "ceo", "spokesman", "spokeswoman", "leader", "senator", "ambassador", "chief", "pak", "bu", "bapak", "ibu", "mr", "mrs", "ms", "dr",
    ]);

    /// <summary>Words that make a name an organisation.</summary>
    public static readonly FrozenSet<string> OrganisationWords = FrozenSet.Create(StringComparer.Ordinal,
    [
        "dewan", "kementerian", "departemen", "partai", "bank", "pt", "universitas", "kantor", "badan", "komisi", "lembaga",
        "angkatan", "kepolisian", "pengadilan", "mahkamah", "majelis", "perserikatan", "motors", "motor", "inc", "corp", "ltd",
        "tbk", "group", "grup", "ministry", "council", "department", "party", "university", "agency", "company", "pbb", "nato",
        "asean", "kremlin", "pentagon", "senat", "dpr", "mpr", "kpk", "tni", "polri",
    ]);

    /// <summary>Countries and regions often in the news, Indonesian and English names; multi-word names joined by a space.</summary>
    public static readonly FrozenSet<string> Places = FrozenSet.Create(StringComparer.Ordinal,
    [
        "indonesia", "rusia", "russia", "ukraina", "ukraine", "korea", "korea utara", "korea selatan", "north korea", "south korea",
        "amerika", "amerika serikat", "as", "united states", "us", "usa", "china", "tiongkok", "jepang", "japan", "india", "iran",
        "israel", "palestina", "palestine", "gaza", "suriah", "syria", "irak", "iraq", "arab saudi", "saudi arabia", "mesir",
        "egypt", "turki", "turkey", "inggris", "britain", "prancis", "france", "jerman", "germany", "italia", "italy", "spanyol",
        "spain", "belanda", "netherlands", "australia", "selandia baru", "new zealand", "malaysia", "singapura", "singapore",
        "thailand", "vietnam", "filipina", "philippines", "myanmar", "kamboja", "cambodia", "laos", "brunei", "timor leste",
        "taiwan", "hong kong", "pakistan", "afganistan", "afghanistan", "kanada", "canada", "meksiko", "mexico", "brasil", "brazil",
        "argentina", "afrika selatan", "south africa", "nigeria", "uni eropa", "european union", "eropa", "europe", "asia",
        "afrika", "africa", "timur tengah", "middle east", "pyongyang", "seoul", "moskow", "moscow", "washington", "beijing",
        "tokyo", "jakarta", "kyiv", "kiev", "london", "paris", "berlin", "tatarstan", "vladivostok", "hanoi", "bangkok",
        "kuala lumpur", "manila", "surabaya", "bandung", "medan", "semarang", "yogyakarta", "makassar", "bali", "papua",
        "jawa", "sumatera", "kalimantan", "sulawesi", "jawa barat", "jawa tengah", "jawa timur", "dki jakarta",
    ]);

    /// <summary>Common nouns after which a capitalised word names a product or brand.</summary>
    public static readonly FrozenSet<string> ProductCues = FrozenSet.Create(StringComparer.Ordinal,
    [
        "mobil", "limusin", "limosin", "kendaraan", "merek", "bermerek", "ponsel", "pesawat", "kapal", "sedan", "truk", "rudal",
        "car", "limousine", "brand", "phone", "aircraft", "model",
    ]);

    /// <summary>Prepositions after which a capitalised word is likely a place.</summary>
    public static readonly FrozenSet<string> PlaceCues = FrozenSet.Create(StringComparer.Ordinal, ["di", "ke", "dari", "in", "to", "from"]);

    /// <summary>Capitalised words that are never names: days and months.</summary>
    public static readonly FrozenSet<string> NotNames = FrozenSet.Create(StringComparer.Ordinal,
    [
        "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "januari", "january", "februari", "february", "maret", "march", "april",
        "mei", "may", "juni", "june", "juli", "july", "agustus", "august", "september", "oktober", "october", "november",
        "desember", "december",
    ]);

    /// <summary>Lower-case words that may stand inside a name ("Ali bin Abdullah", "Vincent van Gogh").</summary>
    public static readonly FrozenSet<string> Connectors = FrozenSet.Create(StringComparer.Ordinal, ["bin", "binti", "van", "von", "der", "de", "da", "al", "el"]);
}
