using System.Text;
using Kabar.Text;

namespace Kabar.Core.Tests.Text;

public class TextDecoderTests
{
    [Fact]
    public void Decode_Utf8WithBom_DropsBomAndReportsUtf8()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Kabar “baru”")];
        Result<DecodedText> result = TextDecoder.Decode(bytes);
        Assert.True(result.IsSuccess);
        Assert.Equal("Kabar “baru”", result.Value.Text);
        Assert.Equal("utf-8", result.Value.Encoding);
        Assert.Null(result.Value.Warning);
    }

    [Fact]
    public void Decode_Utf16LittleEndianWithBom_Decodes()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Rabu, 19 Juni")];
        Result<DecodedText> result = TextDecoder.Decode(bytes);
        Assert.Equal("Rabu, 19 Juni", result.Value!.Text);
        Assert.Equal("utf-16le", result.Value.Encoding);
    }

    [Fact]
    public void Decode_Windows1252Quotes_DecodesWithWarningNamingByteAndOffset()
    {
        // "Kata “ya”" with Windows-1252 curly quotes 0x93/0x94: not valid UTF-8.
        byte[] bytes = [.. Encoding.ASCII.GetBytes("Kata "), 0x93, .. Encoding.ASCII.GetBytes("ya"), 0x94];
        Result<DecodedText> result = TextDecoder.Decode(bytes);
        Assert.True(result.IsSuccess);
        Assert.Equal("Kata \u201Cya\u201D", result.Value.Text);
        Assert.Equal("windows-1252", result.Value.Encoding);
        Assert.Equal(ErrorMessages.NotUtf8(0x93, 5, "windows-1252"), result.Value.Warning);
    }

    [Fact]
    public void Decode_Latin1Letters_DecodesAsWindows1252()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("Caf"), 0xE9, .. Encoding.ASCII.GetBytes(" di Jakarta")];
        Assert.Equal("Café di Jakarta", TextDecoder.Decode(bytes).Value!.Text);
    }

    public static TheoryData<byte[], RejectionReason, string> InvalidData => new()
    {
        { [], RejectionReason.Empty, ErrorMessages.Empty },
        { Encoding.ASCII.GetBytes(" \n\t \r\n"), RejectionReason.Empty, ErrorMessages.Empty },
        { [0x41, 0x42, 0x00, 0x43], RejectionReason.Binary, ErrorMessages.NulByte(2) },
        { [.. Encoding.ASCII.GetBytes("abc"), 0x9D, 0xC3], RejectionReason.Undecodable, ErrorMessages.Undecodable(0x9D, 3) },
        { [.. Enumerable.Repeat((byte)'a', 50), 0x01, 0x02, 0x03], RejectionReason.Binary, ErrorMessages.ControlChars(3, 50) },
    };

    [Theory]
    [MemberData(nameof(InvalidData))]
    public void Decode_BadBytes_RejectsWithReasonAndMessage(byte[] bytes, RejectionReason reason, string message)
    {
        Result<DecodedText> result = TextDecoder.Decode(bytes);
        Assert.False(result.IsSuccess);
        Assert.Equal(reason, result.Rejection.Reason);
        Assert.Equal(message, result.Rejection.Message);
    }

    [Fact]
    public void Decode_OverLimit_RejectsAsTooLarge()
    {
        byte[] bytes = new byte[Limits.MaxDocumentBytes + 1];
        Array.Fill(bytes, (byte)'a');
        Result<DecodedText> result = TextDecoder.Decode(bytes);
        Assert.Equal(RejectionReason.TooLarge, result.Rejection!.Reason);
    }

    [Fact]
    public void Decode_RandomBytes_NeverThrows()
    {
        var random = new Random(20240619);
        for (int i = 0; i < 500; i++)
        {
            byte[] bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            Result<DecodedText> result = TextDecoder.Decode(bytes);
            Assert.True(result.IsSuccess || result.Rejection is not null);
        }
    }
}
