namespace Kabar.Ingest;

/// <summary>Reads a file's bytes within a size limit (<see cref="Limits.MaxDocumentBytes"/> unless told); a failure is one line naming the file and the reason.</summary>
public static class RawFile
{
    public static (byte[]? Raw, string? Problem) Read(string path, int limit = Limits.MaxDocumentBytes)
    {
        try
        {
            long length = new FileInfo(path).Length;
            return length > limit
                ? (null, $"{path}: {ErrorMessages.TooLarge(length, limit)}")
                : (File.ReadAllBytes(path), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"{path}: cannot be read: {e.Message}");
        }
    }

    /// <summary>A web page file's HTML: read within <see cref="Limits.MaxPageBytes"/>, expanded when gzipped.</summary>
    public static (byte[]? Html, string? Problem) ReadPage(string path)
    {
        (byte[]? raw, string? problem) = Read(path, Limits.MaxPageBytes);
        if (raw is null || !Web.Gzip.IsGzip(raw))
        {
            return (raw, problem);
        }

        Result<byte[]> expanded = Web.Gzip.Expand(raw, path);
        return expanded.IsSuccess ? (expanded.Value, null) : (null, expanded.Rejection.Message);
    }
}
