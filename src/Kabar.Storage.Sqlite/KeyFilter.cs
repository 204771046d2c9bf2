using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Kabar.Storage.Sqlite;

/// <summary>
/// A Bloom filter over duplicate keys: says for certain that a key is in no stored row, or that it may be. Nearly every
/// key of an article that copies nothing is in no row, and asking the B-tree to be sure read a leaf per key (~60 an
/// article, most of them outside SQLite's cache at a million articles). Sized at <see cref="BitsPerKey"/> bits a key
/// for twice the keys it was made for, with <see cref="Probes"/> probes: under 1% false positives until it is full,
/// when the store makes a larger one. Keys are mixed before probing, so keys that are not hashes (tests' small numbers)
/// spread as well as real ones. Not thread-safe.
/// </summary>
internal sealed class KeyFilter
{
    /// <summary>Bits a key at capacity.</summary>
    public const int BitsPerKey = 10;

    /// <summary>Probes a key: the best number for 10 bits a key is ln 2 × 10 ≈ 7.</summary>
    public const int Probes = 7;

    /// <summary>The smallest capacity <see cref="For"/> makes unless asked for less.</summary>
    public const long MinimumCapacity = 1 << 16;

    private readonly ulong[] _words;
    private readonly ulong _bits;

    private KeyFilter(ulong[] words, long keys)
    {
        _words = words;
        _bits = (ulong)words.Length * 64;
        Keys = keys;
    }

    /// <summary>Keys added (each row's key; repeats counted), which is what fills it.</summary>
    public long Keys { get; private set; }

    /// <summary>Keys it holds before its false positives pass ~1%.</summary>
    public long Capacity => (long)(_bits / BitsPerKey);

    /// <summary>True once it holds more keys than <see cref="Capacity"/>.</summary>
    public bool IsFull => Keys > Capacity;

    /// <summary>The filter as bytes, for <see cref="FromBytes"/>.</summary>
    public ReadOnlySpan<byte> Bytes => MemoryMarshal.AsBytes(_words.AsSpan());

    /// <summary>A checksum of <see cref="Bytes"/> and <see cref="Keys"/> (XxHash3), for <see cref="FromBytes"/>.</summary>
    public long Checksum => Sum(Bytes, Keys);

    /// <summary>An empty filter with room for twice <paramref name="keys"/>, and for at least
    /// <paramref name="minimumCapacity"/>.</summary>
    public static KeyFilter For(long keys, long minimumCapacity = MinimumCapacity) =>
        new(new ulong[(Math.Max(2 * keys, minimumCapacity) * BitsPerKey + 63) / 64], 0);

    /// <summary>A filter of <paramref name="keys"/> keys read back from <see cref="Bytes"/>; null when no filter has
    /// that length or count, or the bytes read do not have the <paramref name="checksum"/> it was saved with. A filter
    /// with a bit cleared would hide stored copies.</summary>
    /// <param name="length">Its length in bytes, a multiple of 8.</param>
    /// <param name="keys">The keys it holds.</param>
    /// <param name="checksum">Its <see cref="Checksum"/>.</param>
    /// <param name="read">Fills the span with the bytes.</param>
    public static KeyFilter? FromBytes(long length, long keys, long checksum, Action<Span<byte>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (length <= 0 || length % 8 != 0 || keys < 0)
        {
            return null;
        }

        ulong[] words = new ulong[length / 8];
        Span<byte> bytes = MemoryMarshal.AsBytes(words.AsSpan());
        read(bytes);
        return Sum(bytes, keys) == checksum ? new KeyFilter(words, keys) : null;
    }

    /// <summary>Adds a key.</summary>
    public void Add(long key)
    {
        (ulong h, ulong step) = Hashes(key);
        for (int i = 0; i < Probes; i++, h += step)
        {
            ulong bit = Bit(h);
            _words[bit >> 6] |= 1UL << (int)(bit & 63);
        }

        Keys++;
    }

    /// <summary>False when <paramref name="key"/> was never added; true when it was, and rarely otherwise.</summary>
    public bool MayContain(long key)
    {
        (ulong h, ulong step) = Hashes(key);
        for (int i = 0; i < Probes; i++, h += step)
        {
            ulong bit = Bit(h);
            if ((_words[bit >> 6] & (1UL << (int)(bit & 63))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    // One more pass over bytes that are read or written whole anyway.
    private static long Sum(ReadOnlySpan<byte> bytes, long keys) => unchecked((long)XxHash3.HashToUInt64(bytes, keys));

    // Double hashing (Kirsch and Mitzenmacher 2006) from two halves of a 64-bit mix of the key.
    private static (ulong, ulong) Hashes(long key)
    {
        ulong x = (ulong)key;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return (x, (x >> 32) | (x << 32) | 1);
    }

    // The probe's bit: the high half of h × bits (Lemire's range reduction), so any size works, not only powers of two.
    private ulong Bit(ulong h) => Math.BigMul(h, _bits, out _);
}
