using Kabar.Text;

namespace Kabar.Metadata;

/// <summary>How an article credits a source.</summary>
public enum CreditKind
{
    /// <summary>A code in the closing credits, e.g. "rtrs" in "(oln/sptnk/rtrs)".</summary>
    ClosingCode,
    /// <summary>A line of agency names, e.g. "ANTARA | CHANNEL NEWS ASIA".</summary>
    CreditLine,
    /// <summary>A picture or text passed on by another, e.g. "KCNA via REUTERS".</summary>
    Via,
    /// <summary>Attribution in the story: "Diberitakan Reuters", "lapor Reuters", "kata … kepada Reuters", "menurut KCNA".</summary>
    Attribution,
}

/// <summary>A source credited by the article.</summary>
/// <param name="Source">The agency's usual name ("Reuters").</param>
/// <param name="Kind">How it is credited.</param>
/// <param name="Span">The words that credit it.</param>
/// <param name="Text">Those words as written.</param>
public sealed record Credit(string Source, CreditKind Kind, TextSpan Span, string Text);
