namespace Kabar.Ingest;

/// <summary>Reads a file's bytes within <see cref="Limits.MaxDocumentBytes"/>; a failure is one line naming the file and the reason.</summary>
public static class RawFile
{
    public static (byte[]? Raw, string? Problem) Read(string path)
    {
        try
        {
            long length = new FileInfo(path).Length;
            return length > Limits.MaxDocumentBytes
                ? (null, $"{path}: {ErrorMessages.TooLarge(length, Limits.MaxDocumentBytes)}")
                : (File.ReadAllBytes(path), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"{path}: cannot be read: {e.Message}");
        }
    }
}
