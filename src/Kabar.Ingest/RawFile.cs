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
}
