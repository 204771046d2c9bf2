using Kabar.Text;

namespace Kabar.Alignment;

/// <summary>A passage of the first document found again, maybe reworded, in the second.</summary>
/// <param name="A">The passage in the first document.</param>
/// <param name="B">The passage in the second document.</param>
/// <param name="Cosine">Cosine of the passages' summed tf-isf vectors.</param>
public sealed record PassagePair(TextSpan A, TextSpan B, double Cosine);
