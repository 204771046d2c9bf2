using System.Globalization;

namespace Kabar;

/// <summary>Every message a person may read about bad input, in one place (cf. NodaTime's TextErrorMessages).</summary>
public static class ErrorMessages
{
    private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    /// <summary>No bytes or only white space.</summary>
    public const string Empty = "empty: the file holds no text";
    /// <summary>NUL byte found.</summary>
    public static string NulByte(long offset) => F("binary: NUL byte at offset {0}; not a text file", offset);
    /// <summary>Too many control characters.</summary>
    public static string ControlChars(int count, long firstOffset) => F("binary: {0} control characters, the first at offset {1}; not a text file", count, firstOffset);
    /// <summary>Neither UTF-8 nor Windows-1252.</summary>
    public static string Undecodable(byte value, long offset) => F("undecodable: byte 0x{0:X2} at offset {1} is neither UTF-8 nor Windows-1252", value, offset);
    /// <summary>Decoded with a fallback encoding.</summary>
    public static string NotUtf8(byte value, long offset, string encoding) => F("not UTF-8 (byte 0x{0:X2} at offset {1}); decoded as {2}", value, offset, encoding);
    /// <summary>Over the size limit.</summary>
    public static string TooLarge(long size, long limit) => F("too large: {0:N0} bytes, the limit is {1:N0}", size, limit);
    /// <summary>Nothing but boilerplate.</summary>
    public const string NoContent = "no content: nothing is left after boilerplate removal";
}
