using Kabar.Text;

namespace Kabar.Cleaning;

/// <summary>Why a line is not part of the story.</summary>
public enum RemovalReason
{
    /// <summary>A link to another article: "Baca juga", "Simak berita lainnya", "Artikel terkait".</summary>
    RelatedLink,
    /// <summary>An advertising notice or placeholder: "ADVERTISEMENT", "Baca berita dengan sedikit iklan".</summary>
    Advertisement,
    /// <summary>An editor's pick teaser: "Pilihan editor: …".</summary>
    EditorPick,
    /// <summary>A comment form: "Tinggalkan Balasan", "Alamat email Anda tidak akan dipublikasikan".</summary>
    CommentForm,
    /// <summary>Share, follow, subscribe and app prompts.</summary>
    Share,
    /// <summary>Page navigation: "Gulir untuk melanjutkan", "Scroll to continue", "Halaman selanjutnya".</summary>
    Navigation,
    /// <summary>A line of credits only: agency codes "(oln/sptnk/rtrs)" or "ANTARA | CHANNEL NEWS ASIA".</summary>
    Credit,
    /// <summary>Writer, editor or reporter lines; kept as metadata.</summary>
    Byline,
    /// <summary>Tags, topics and copyright lines.</summary>
    Footer,
}

/// <summary>A line removed from the story, with the rule that removed it. The original text keeps it.</summary>
/// <param name="Span">The removed line in the article text.</param>
/// <param name="Text">The removed text.</param>
/// <param name="Reason">Why it was removed.</param>
/// <param name="Rule">The name of the rule that matched.</param>
public sealed record Removal(TextSpan Span, string Text, RemovalReason Reason, string Rule);
