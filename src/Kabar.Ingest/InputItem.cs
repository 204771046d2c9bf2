using Kabar.Storage;

namespace Kabar.Ingest;

/// <summary>One thing read from the inputs: an article's bytes with its source, or a problem that stopped one input.</summary>
/// <param name="Source">Where it came from; set for articles.</param>
/// <param name="Raw">The article's bytes; set for articles.</param>
/// <param name="Problem">One line naming the file (and line) and the reason: alone when the input could not be read,
/// beside an article when only something around it was wrong (a malformed sidecar).</param>
public sealed record InputItem(ArticleSource? Source, byte[]? Raw, string? Problem)
{
    public static InputItem Article(ArticleSource source, byte[] raw) => new(source, raw, null);

    public static InputItem Error(string problem) => new(null, null, problem);
}
