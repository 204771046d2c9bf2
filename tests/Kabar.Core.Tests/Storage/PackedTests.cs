using System.Buffers.Binary;
using System.Text;
using Kabar.Storage;
using Kabar.Testing;

namespace Kabar.Core.Tests.Storage;

public class PackedTests
{
    private static readonly string News = string.Concat(Enumerable.Repeat(StoryTexts.FloodA + StoryTexts.Strike + StoryTexts.Match, 3));

    [Fact]
    public void Of_NewsText_IsUnpackedToTheSameBytes_AndKeepsLessThanHalfOfThem()
    {
        byte[] text = Encoding.UTF8.GetBytes(News);
        Packed packed = Packed.Of(text);
        Assert.Equal(text, Packed.Unpack(packed.Bytes));
        Assert.True(packed.Bytes.Length < text.Length / 2, $"{packed.Bytes.Length} of {text.Length} bytes");
    }

    [Fact]
    public void Of_Text_IsUnpackedToTheSameText_WhateverItsScript()
    {
        const string text = "Kim Jong-un — «café» 气候变化 ✓ " + StoryTexts.FloodB;
        Assert.Equal(text, Packed.UnpackText(Packed.Of(text).Bytes));
        Assert.Equal("", Packed.UnpackText(Packed.Of("").Bytes));
    }

    // What Brotli cannot make smaller is kept as it is, behind one byte, so packing never costs more than that byte.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4096)]
    public void Of_BytesThatDoNotCompress_AreKeptAsTheyAreBehindOneByte(int length)
    {
        byte[] noise = new byte[length];
        new Random(7).NextBytes(noise);
        Packed packed = Packed.Of(noise);
        Assert.Equal(length + 1, packed.Bytes.Length);
        Assert.Equal(noise, Packed.Unpack(packed.Bytes));
    }

    [Fact]
    public void Unpack_DamagedBytes_SaysWhatIsWrong()
    {
        byte[] packed = Packed.Of(Encoding.UTF8.GetBytes(News)).Bytes;

        string Problem(byte[] bytes) => Assert.Throws<InvalidDataException>(() => Packed.Unpack(bytes)).Message;

        Assert.Contains("does not give", Problem(packed[..^8]), StringComparison.Ordinal);
        Assert.Contains("unknown form (first byte 07)", Problem([7, .. packed[1..]]), StringComparison.Ordinal);
        Assert.Contains("unknown form (first byte missing)", Problem([]), StringComparison.Ordinal);

        // A length that is not the stream's, either way, and one that could not be.
        byte[] Claiming(int length)
        {
            byte[] bytes = [.. packed];
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(1), length);
            return bytes;
        }

        int actual = BinaryPrimitives.ReadInt32LittleEndian(packed.AsSpan(1));
        Assert.Contains("does not give", Problem(Claiming(actual + 1)), StringComparison.Ordinal);
        Assert.Contains("does not give", Problem(Claiming(actual - 1)), StringComparison.Ordinal);
        Assert.Contains("impossible length (-1)", Problem(Claiming(-1)), StringComparison.Ordinal);
        Assert.Contains("impossible length", Problem(Claiming(int.MaxValue)), StringComparison.Ordinal);
    }
}
