using Kabar.Text;

namespace Kabar.Metadata;

/// <summary>The dateline opening a story, e.g. "TEMPO.CO, Jakarta -".</summary>
/// <param name="Span">The dateline including its closing dash.</param>
/// <param name="Outlet">The outlet's usual name ("Tempo"), or as written when unknown.</param>
/// <param name="OutletAsWritten">The outlet as written ("TEMPO.CO").</param>
/// <param name="Place">The place, when the dateline has one.</param>
public sealed record Dateline(TextSpan Span, string Outlet, string OutletAsWritten, string? Place);
