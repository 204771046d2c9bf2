using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Kabar.Storage;

/// <summary>
/// Bytes in the compact form a store keeps an article's raw input and story words in: Brotli at its fastest quality,
/// which keeps ~45% of a news text (~10 µs for 3 KB) and ~23% of a web page (~650 MB/s); quality 1 packs 1% smaller at
/// twice the time (docs/benchmarks.md). Made where an input is prepared, on any thread, so that the thread that commits
/// compresses nothing and writes fewer pages.
/// <para>The first byte says how the rest is kept: <c>0</c> as it is (what Brotli would not make smaller), <c>1</c> the
/// unpacked length (4 bytes, little-endian) and then a Brotli stream.</para>
/// </summary>
public readonly struct Packed
{
    private const byte AsIs = 0, Brotli = 1;
    private const int BrotliHeader = 5, Quality = 0, Window = 22;

    // Far past any input accepted (Limits.MaxPageBytes, the server's body limit): a damaged length is not allocated.
    private const int MaxUnpacked = 256 << 20;

    private Packed(byte[] bytes) => Bytes = bytes;

    /// <summary>The packed form, as stored.</summary>
    public byte[] Bytes { get; }

    /// <summary>Packs <paramref name="data"/>.</summary>
    public static Packed Of(ReadOnlySpan<byte> data)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BrotliHeader + BrotliEncoder.GetMaxCompressedLength(data.Length));
        try
        {
            if (BrotliEncoder.TryCompress(data, buffer.AsSpan(BrotliHeader), out int written, Quality, Window) && written < data.Length)
            {
                buffer[0] = Brotli;
                BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(1), data.Length);
                return new Packed(buffer.AsSpan(0, BrotliHeader + written).ToArray());
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        byte[] asIs = new byte[1 + data.Length];
        data.CopyTo(asIs.AsSpan(1));
        return new Packed(asIs);
    }

    /// <summary>Packs the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static Packed Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        byte[] utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            return Of(utf8.AsSpan(0, Encoding.UTF8.GetBytes(text, utf8)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    /// <summary>The bytes that were packed into <paramref name="bytes"/> (a <see cref="Packed"/>'s, as stored).</summary>
    /// <exception cref="InvalidDataException">The packed bytes are damaged.</exception>
    public static byte[] Unpack(ReadOnlySpan<byte> bytes)
    {
        byte[] data = new byte[UnpackedLength(bytes)];
        UnpackInto(bytes, data);
        return data;
    }

    /// <summary>The text that was packed into <paramref name="bytes"/>.</summary>
    /// <exception cref="InvalidDataException">The packed bytes are damaged.</exception>
    public static string UnpackText(ReadOnlySpan<byte> bytes)
    {
        int length = UnpackedLength(bytes);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            UnpackInto(bytes, buffer.AsSpan(0, length));
            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int UnpackedLength(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 1 && bytes[0] == AsIs)
        {
            return bytes.Length - 1;
        }

        if (bytes.Length < BrotliHeader || bytes[0] != Brotli)
        {
            throw new InvalidDataException($"packed bytes of unknown form (first byte {(bytes.IsEmpty ? "missing" : bytes[0].ToString("x2", null))})");
        }

        int length = BinaryPrimitives.ReadInt32LittleEndian(bytes[1..]);
        return length is >= 0 and <= MaxUnpacked ? length
            : throw new InvalidDataException($"packed bytes claim an impossible length ({length})");
    }

    private static void UnpackInto(ReadOnlySpan<byte> bytes, Span<byte> data)
    {
        if (bytes[0] == AsIs)
        {
            bytes[1..].CopyTo(data);
        }
        else if (!BrotliDecoder.TryDecompress(bytes[BrotliHeader..], data, out int written) || written != data.Length)
        {
            throw new InvalidDataException($"packed bytes whose Brotli stream does not give the {data.Length} bytes they claim");
        }
    }
}
