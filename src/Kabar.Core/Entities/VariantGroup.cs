using Kabar.Text;

namespace Kabar.Entities;

/// <summary>How sure Kabar is that the forms of a group name one thing.</summary>
public enum VariantConfidence
{
    /// <summary>Same letters, a substitution inside aligned sentences, or a near-identical spelling.</summary>
    Variant,
    /// <summary>A weaker likeness a reader should check ("Yun" beside "Yoon Suk Yeol").</summary>
    Possible,
}

/// <summary>One spelling of a name in one article.</summary>
/// <param name="Text">The spelling.</param>
/// <param name="Article">0 for the first article, 1 for the second.</param>
/// <param name="Count">How often the article writes it.</param>
/// <param name="Spans">Where.</param>
public sealed record VariantForm(string Text, int Article, int Count, IReadOnlyList<TextSpan> Spans);

/// <summary>Different spellings of one name across the compared articles.</summary>
/// <param name="Name">The most frequent spelling.</param>
/// <param name="Kind">What the name refers to, by context.</param>
/// <param name="Confidence">Variant or possible variant.</param>
/// <param name="Evidence">Why the forms were grouped.</param>
/// <param name="Forms">The spellings, by article then frequency.</param>
public sealed record VariantGroup(string Name, EntityKind Kind, VariantConfidence Confidence, IReadOnlyList<string> Evidence, IReadOnlyList<VariantForm> Forms);
