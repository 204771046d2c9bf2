using System.IO.Compression;

namespace Kabar.Testing;

/// <summary>Gzip for test inputs: .gz pages, WARC members, bombs.</summary>
public static class Compression
{
    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public static byte[] Gzip(string text) => Gzip(System.Text.Encoding.UTF8.GetBytes(text));
}
