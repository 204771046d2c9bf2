using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using Kabar.Dedup;

namespace Kabar.Storage;

/// <summary>
/// Stable hashes, stored in the database: changing how they are computed is a storage-format change.
/// Both are XxHash128 (seed 0) as 32 lower-case hex digits.
/// </summary>
public static class ArticleHashes
{
    /// <summary>Identifies one ingest of one input: the external id (or, without one, the origin) and the raw bytes.
    /// Ingesting the same input again finds this key and adds nothing.</summary>
    public static string IngestKey(ArticleSource source, ReadOnlySpan<byte> raw)
    {
        ArgumentNullException.ThrowIfNull(source);
        var hash = new XxHash128();
        hash.Append(Encoding.UTF8.GetBytes(source.ExternalId ?? source.Origin));
        hash.Append([0]);
        hash.Append(raw);
        return Hex(hash.GetCurrentHashAsUInt128());
    }

    /// <summary>The exact-duplicate key of an article: the hash of its <see cref="StoryWords"/>, so boilerplate,
    /// datelines, punctuation, case and spacing do not change it.</summary>
    public static string Content(string storyWords)
    {
        ArgumentNullException.ThrowIfNull(storyWords);
        return Hex(XxHash128.HashToUInt128(MemoryMarshal.AsBytes(storyWords.AsSpan())));
    }

    private static string Hex(UInt128 value)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return Convert.ToHexStringLower(bytes);
    }
}
