using System.Text.RegularExpressions;
using Kabar.Metadata;

namespace Kabar.Cleaning;

/// <summary>Built-in rules for Indonesian and English news pages. Each pattern matches a whole trimmed line.</summary>
public static partial class BoilerplateRules
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>All built-in rules, most specific first.</summary>
    public static IReadOnlyList<BoilerplateRule> Default { get; } =
    [
        new("ad-notice", RemovalReason.Advertisement, AdNotice()),
        new("advertisement", RemovalReason.Advertisement, AdvertisementLabel(), 60),
        new("read-also", RemovalReason.RelatedLink, ReadAlso(), 160),
        new("related", RemovalReason.RelatedLink, Related(), 200),
        new("editor-pick", RemovalReason.EditorPick, EditorPick()),
        new("comment-form", RemovalReason.CommentForm, CommentForm(), 200),
        new("share", RemovalReason.Share, Share(), 160),
        new("navigation", RemovalReason.Navigation, Navigation(), 120),
        new("credit-codes", RemovalReason.Credit, CreditCodes(), 80),
        new("credit-line", RemovalReason.Credit, AgencyLine(), 120),
        new("byline", RemovalReason.Byline, Byline(), 120),
        new("footer", RemovalReason.Footer, Footer(), 300),
    ];

    [GeneratedRegex(@"^baca berita (dengan|tanpa) (sedikit )?iklan\b.*$", Options)]
    private static partial Regex AdNotice();

    [GeneratedRegex(@"^[-\s*]*(advertisement|advertorial|iklan|ads|sponsored( content)?|konten bersponsor|scroll to resume content|lanjutkan membaca)[-\s*]*$", Options)]
    private static partial Regex AdvertisementLabel();

    [GeneratedRegex(@"^(baca( juga| lagi| selengkapnya| artikel lainnya| berita lainnya)?|read (also|more|next)|see also|lihat juga|simak( juga)?( berita| artikel| video)?( lainnya| selengkapnya)?|klik (di ?sini|link)|cek berita)\b\s*[:\-]?.*$", Options)]
    private static partial Regex ReadAlso();

    [GeneratedRegex(@"^((artikel|berita) (terkait|lainnya|terpopuler|pilihan)|terpopuler|rekomendasi( untuk anda)?|related( articles| stories| news)?|more (from|on) .*|populer|terkini|trending)\s*:?.*$", Options)]
    private static partial Regex Related();

    [GeneratedRegex(@"^(pilihan editor|editor'?s (pick|choice))\s*:.*$", Options)]
    private static partial Regex EditorPick();

    [GeneratedRegex(@"^(tinggalkan (balasan|komentar)( anda)?|alamat email anda tidak akan dipublikasikan.*|ruas yang wajib ditandai.*|leave a (reply|comment)|your email address will not be published.*|required fields are marked.*|komentar|comments?|tulis komentar.*|kirim komentar|post comment|\d+ komentar)$", Options)]
    private static partial Regex CommentForm();

    [GeneratedRegex(@"^((bagikan|share)( artikel| berita| this( article| story)?)?( ini)?|(ikuti|follow) (kami|us|berita|saluran|channel|akun).*|dapatkan (update|berita|informasi).*|(subscribe|berlangganan|langganan)\b.*|(download|unduh) aplikasi.*|gabung (di|ke) (grup|channel|saluran).*|join (our|us).*)\s*[:!.]?$", Options)]
    private static partial Regex Share();

    [GeneratedRegex(@"^(gulir (ke bawah )?untuk melanjutkan( membaca)?|scroll (down )?to (continue|read)( reading)?( with content)?|halaman (selanjutnya|berikutnya|sebelumnya)|next page|previous page|(halaman|page) \d+( (dari|of) \d+)?|selanjutnya|loading\.*|memuat\.*)\s*[>»]*$", Options)]
    private static partial Regex Navigation();

    [GeneratedRegex(@"^\(\s*[a-z*]{1,12}(\s*/\s*[a-z*]{1,12})+\s*\)\.?$", Options)]
    private static partial Regex CreditCodes();

    [GeneratedRegex(@"^((editor|penulis|reporter|pewarta|redaktur|penyunting|kontributor|writer)\s*:|(written|reporting|editing) by)\s*[\p{L} .,'/&-]{2,80}$", Options)]
    private static partial Regex Byline();

    [GeneratedRegex(@"^((tags?|topik|kata kunci|keywords?)\s*:.*|(copyright|hak cipta)\b.*|©.*|all rights reserved.*)$", Options)]
    private static partial Regex Footer();

    private static Regex AgencyLine() => Agencies.LineOfNames;
}
