using System.IO.Compression;

namespace Kabar.Web;

/// <summary>Gzip members (a <c>.gz</c> page, a WARC record), expanded with a ceiling so a bomb cannot exhaust memory.</summary>
public static class Gzip
{
    /// <summary>Whether the bytes start with the gzip magic number.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> data) => data.Length >= 2 && data[0] == 0x1F && data[1] == 0x8B;

    /// <summary>The expanded bytes (all members), or why not: corrupt, or larger than <paramref name="limit"/>.</summary>
    public static Result<byte[]> Expand(byte[] data, string origin, int limit = Limits.MaxPageBytes)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        try
        {
            if (!CopyAtMost(input, output, limit))
            {
                return Result<byte[]>.Failure(RejectionReason.TooLarge, $"{origin}: expands past the {limit:N0}-byte limit; not read");
            }
        }
        catch (InvalidDataException e)
        {
            return Result<byte[]>.Failure(RejectionReason.Undecodable, $"{origin}: corrupt gzip data after {output.Length:N0} expanded bytes: {e.Message}");
        }

        return Result<byte[]>.Success(output.ToArray());
    }

    /// <summary>Copies a decompressing stream (gzip, deflate, brotli) into <paramref name="output"/>; false, with the
    /// copy stopped, once more than <paramref name="limit"/> bytes would come out.</summary>
    public static bool CopyAtMost(Stream decoder, MemoryStream output, int limit)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(output);
        byte[] buffer = new byte[81920];
        int read;
        while ((read = decoder.Read(buffer)) > 0)
        {
            if (output.Length + read > limit)
            {
                return false;
            }

            output.Write(buffer, 0, read);
        }

        return true;
    }
}
