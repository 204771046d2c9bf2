using Kabar.Text;

namespace Kabar.Discrepancies;

/// <summary>What differs between two aligned sentences.</summary>
public enum DiscrepancyKind
{
    /// <summary>A name written differently or replaced ("Orus" / "Aurus").</summary>
    Name,
    /// <summary>A number or quantity that differs ("1.000" / "1.500").</summary>
    Number,
    /// <summary>A date that differs ("19 Juni 2024" / "20 Juni 2024").</summary>
    Date,
}

/// <summary>A difference inside an aligned sentence pair, with both spans.</summary>
/// <param name="Kind">Name, number or date.</param>
/// <param name="A">Where the first article says it.</param>
/// <param name="TextA">What the first article says.</param>
/// <param name="B">Where the second article says it.</param>
/// <param name="TextB">What the second article says.</param>
/// <param name="SentenceA">The aligned sentence of the first article.</param>
/// <param name="SentenceB">The aligned sentence of the second article.</param>
public sealed record Discrepancy(DiscrepancyKind Kind, TextSpan A, string TextA, TextSpan B, string TextB, TextSpan SentenceA, TextSpan SentenceB);
