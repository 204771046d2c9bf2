namespace Kabar;

/// <summary>Named limits. Inputs past them are rejected with a clear reason rather than processed slowly.</summary>
public static class Limits
{
    /// <summary>Largest article accepted, in bytes (5 MiB: a long news article is under 100 KiB).</summary>
    public const int MaxDocumentBytes = 5 * 1024 * 1024;

    /// <summary>Largest web page accepted, in bytes after decompression (20 MiB: pages carry scripts and markup that
    /// articles do not; a gzip member that expands past it is rejected as a likely bomb).</summary>
    public const int MaxPageBytes = 20 * 1024 * 1024;

    /// <summary>Share of control characters above which bytes are taken to be binary.</summary>
    public const double MaxControlCharShare = 0.01;
}
