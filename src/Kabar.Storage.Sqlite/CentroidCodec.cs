using System.Buffers.Binary;
using System.Text;

namespace Kabar.Storage.Sqlite;

/// <summary>A story centroid as a blob: for each feature, its UTF-8 length (2 bytes), its UTF-8 bytes and its weight
/// (4-byte float), little-endian, in ordinal order of the features so equal centroids give equal blobs.</summary>
internal static class CentroidCodec
{
    public static byte[] Encode(IReadOnlyDictionary<string, float> centroid)
    {
        using var buffer = new MemoryStream();
        Span<byte> number = stackalloc byte[4];
        foreach ((string term, float weight) in centroid.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(term);
            BinaryPrimitives.WriteUInt16LittleEndian(number, (ushort)Math.Min(utf8.Length, ushort.MaxValue));
            buffer.Write(number[..2]);
            buffer.Write(utf8, 0, Math.Min(utf8.Length, ushort.MaxValue));
            BinaryPrimitives.WriteSingleLittleEndian(number, weight);
            buffer.Write(number);
        }

        return buffer.ToArray();
    }

    public static Dictionary<string, float> Decode(ReadOnlySpan<byte> blob)
    {
        // Sized first: grown one insert at a time, a centroid of 100 features was copied six times.
        int count = 0;
        for (ReadOnlySpan<byte> rest = blob; rest.Length > 0; count++)
        {
            rest = rest[(2 + BinaryPrimitives.ReadUInt16LittleEndian(rest) + 4)..];
        }

        var centroid = new Dictionary<string, float>(count, StringComparer.Ordinal);
        while (blob.Length > 0)
        {
            int length = BinaryPrimitives.ReadUInt16LittleEndian(blob);
            string term = Encoding.UTF8.GetString(blob.Slice(2, length));
            centroid[term] = BinaryPrimitives.ReadSingleLittleEndian(blob[(2 + length)..]);
            blob = blob[(2 + length + 4)..];
        }

        return centroid;
    }
}
