using System.Buffers.Binary;
using System.Text;
using Kabar.Stories;

namespace Kabar.Storage.Sqlite;

/// <summary>A story centroid as a blob: for each feature in ascending key order, its key (8 bytes) and its weight
/// (4-byte float), little-endian. Schema versions before 17 stored each feature's text instead of its key
/// (<see cref="FromWords"/>).</summary>
internal static class CentroidCodec
{
    private const int EntryBytes = sizeof(long) + sizeof(float);

    public static byte[] Encode(FeatureVector centroid)
    {
        byte[] blob = new byte[centroid.Count * EntryBytes];
        Span<byte> rest = blob;
        for (int i = 0; i < centroid.Count; i++, rest = rest[EntryBytes..])
        {
            BinaryPrimitives.WriteInt64LittleEndian(rest, centroid.Keys[i]);
            BinaryPrimitives.WriteSingleLittleEndian(rest[sizeof(long)..], centroid.Weights[i]);
        }

        return blob;
    }

    /// <exception cref="InvalidDataException">The blob is not a centroid of this format.</exception>
    public static FeatureVector Decode(ReadOnlySpan<byte> blob)
    {
        if (blob.Length % EntryBytes != 0)
        {
            throw new InvalidDataException($"a story centroid of {blob.Length} bytes, not a whole number of {EntryBytes}-byte features");
        }

        long[] keys = new long[blob.Length / EntryBytes];
        float[] weights = new float[keys.Length];
        for (int i = 0; i < keys.Length; i++, blob = blob[EntryBytes..])
        {
            keys[i] = BinaryPrimitives.ReadInt64LittleEndian(blob);
            weights[i] = BinaryPrimitives.ReadSingleLittleEndian(blob[sizeof(long)..]);
        }

        try
        {
            return FeatureVector.FromSorted(keys, weights);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"a story centroid out of key order ({e.Message})", e);
        }
    }

    /// <summary>A centroid of schema versions 2–16, where each feature was its UTF-8 length (2 bytes), its UTF-8 bytes
    /// and its weight, as a dictionary of features by their text. Only the upgrade to version 17 reads them.</summary>
    /// <exception cref="InvalidDataException">The blob ends inside a feature.</exception>
    public static Dictionary<string, float> FromWords(ReadOnlySpan<byte> blob)
    {
        var centroid = new Dictionary<string, float>(StringComparer.Ordinal);
        for (int at = 0; at < blob.Length;)
        {
            ReadOnlySpan<byte> rest = blob[at..];
            int length = rest.Length < 2 ? int.MaxValue : BinaryPrimitives.ReadUInt16LittleEndian(rest);
            if (rest.Length - 2 - 4 < length)
            {
                throw new InvalidDataException($"a story centroid of schema version 16 or older cut short at byte {at} of {blob.Length}");
            }

            centroid[Encoding.UTF8.GetString(rest.Slice(2, length))] = BinaryPrimitives.ReadSingleLittleEndian(rest[(2 + length)..]);
            at += 2 + length + 4;
        }

        return centroid;
    }

    /// <summary>A version 2–16 centroid in this format: what the upgrade to version 17 does to every story.</summary>
    public static byte[] Upgrade(byte[] words) => Encode(FeatureVector.Of(FromWords(words)));
}
