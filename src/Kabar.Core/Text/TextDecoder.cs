using System.Text;

namespace Kabar.Text;

/// <summary>
/// Turns raw bytes into text: UTF-8 (with or without BOM) or UTF-16 with a BOM; bytes that are not valid
/// UTF-8 are read as Windows-1252, the usual encoding of older Indonesian and English sites, with a warning.
/// Pure and thread-safe.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Bytes Windows-1252 leaves undefined; seeing one means the file is in neither encoding.
    private static ReadOnlySpan<byte> UndefinedIn1252 => [0x81, 0x8D, 0x8F, 0x90, 0x9D];

    /// <summary>Decodes <paramref name="bytes"/>; bad data gives a rejection, never an exception.</summary>
    public static Result<DecodedText> Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > Limits.MaxDocumentBytes)
        {
            return Result<DecodedText>.Failure(RejectionReason.TooLarge, ErrorMessages.TooLarge(bytes.Length, Limits.MaxDocumentBytes));
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Checked(Encoding.Unicode.GetString(bytes[2..]), "utf-16le", null);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Checked(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be", null);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        int nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            return Result<DecodedText>.Failure(RejectionReason.Binary, ErrorMessages.NulByte(nul));
        }

        int invalid = FirstInvalidUtf8(bytes);
        if (invalid < 0)
        {
            return Checked(s_strictUtf8.GetString(bytes), "utf-8", null);
        }

        int undefined = bytes.IndexOfAny(UndefinedIn1252);
        if (undefined >= 0)
        {
            return Result<DecodedText>.Failure(RejectionReason.Undecodable, ErrorMessages.Undecodable(bytes[undefined], undefined));
        }

        string warning = ErrorMessages.NotUtf8(bytes[invalid], invalid, "windows-1252");
        return Checked(Windows1252.GetString(bytes), "windows-1252", warning);
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out int read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? -1 : read;
    }

    private static Result<DecodedText> Checked(string text, string encoding, string? warning)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result<DecodedText>.Failure(RejectionReason.Empty, ErrorMessages.Empty);
        }

        int controls = 0;
        int first = -1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                controls++;
                if (first < 0)
                {
                    first = i;
                }
            }
        }

        if (controls > 0 && controls > text.Length * Limits.MaxControlCharShare)
        {
            return Result<DecodedText>.Failure(RejectionReason.Binary, ErrorMessages.ControlChars(controls, first));
        }

        return Result<DecodedText>.Success(new DecodedText(text, encoding, warning));
    }
}
