using System.Buffers.Binary;
using System.IO.Compression;

namespace Kabar.Testing;

/// <summary>Corpus statistics as format 1 saved them, before shingles were counted over a window of recent articles:
/// a header, 2^21 feature counts and 2 × 2^21 all-time shingle counters.</summary>
public static class StatisticsVersion1
{
    /// <summary>Statistics of <paramref name="articles"/> articles with no feature counted and every shingle counter at
    /// <paramref name="shingleCount"/>: <see cref="ushort.MaxValue"/> is a sketch filled up by a large store.</summary>
    public static byte[] Bytes(long articles, ushort shingleCount)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZLibStream(buffer, CompressionLevel.Fastest))
        {
            byte[] header = new byte[12];
            BinaryPrimitives.WriteInt32LittleEndian(header, 1);
            BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(4), articles);
            zip.Write(header);
            zip.Write(new byte[4 << 21]);
            byte[] counter = new byte[2];
            BinaryPrimitives.WriteUInt16LittleEndian(counter, shingleCount);
            byte[] counters = new byte[2 * 2 << 21];
            for (int i = 0; i < counters.Length; i += 2)
            {
                counters[i] = counter[0];
                counters[i + 1] = counter[1];
            }

            zip.Write(counters);
        }

        return buffer.ToArray();
    }
}
