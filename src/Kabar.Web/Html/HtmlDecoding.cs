using System.Text;
using System.Text.RegularExpressions;

namespace Kabar.Web.Html;

/// <summary>
/// Turns a page's bytes into text the way browsers do, in this order: a byte-order mark, the charset the HTTP
/// response declared, a <c>&lt;meta&gt;</c> charset in the first 4 KiB, valid UTF-8, else Windows-1252.
/// </summary>
public static partial class HtmlDecoding
{
    static HtmlDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The page's text and the name of the encoding used.</summary>
    public static (string Text, string Encoding) Decode(ReadOnlySpan<byte> raw, string? declaredCharset = null)
    {
        if (raw.StartsWith("\xEF\xBB\xBF"u8))
        {
            return (Encoding.UTF8.GetString(raw[3..]), "utf-8");
        }

        if (raw.Length >= 2 && (raw[0], raw[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
        {
            Encoding utf16 = raw[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return (utf16.GetString(raw[2..]), utf16.WebName);
        }

        Encoding? declared = Named(declaredCharset) ?? Named(MetaCharset(raw));
        if (declared is not null && declared.CodePage != Encoding.UTF8.CodePage)
        {
            return (declared.GetString(raw), declared.WebName);
        }

        // Declared UTF-8 or nothing declared: UTF-8 when the bytes are valid, else the web's usual fallback.
        return System.Text.Unicode.Utf8.IsValid(raw) ? (Encoding.UTF8.GetString(raw), "utf-8") : (Encoding.GetEncoding(1252).GetString(raw), "windows-1252");
    }

    private static Encoding? Named(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }

        // Browsers read Latin-1 and ASCII labels as Windows-1252, a superset.
        string name = charset.Trim().Trim('"', '\'').ToLowerInvariant();
        if (name is "iso-8859-1" or "latin1" or "us-ascii" or "ascii")
        {
            return Encoding.GetEncoding(1252);
        }

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? MetaCharset(ReadOnlySpan<byte> raw)
    {
        string head = Encoding.Latin1.GetString(raw[..Math.Min(raw.Length, 4096)]);
        Match match = MetaCharsetPattern().Match(head);
        return match.Success ? match.Groups["charset"].Value : null;
    }

    /// <summary>The charset parameter of a Content-Type header value, or null.</summary>
    public static string? CharsetOf(string? contentType)
    {
        Match match = contentType is null ? Match.Empty : CharsetParameter().Match(contentType);
        return match.Success ? match.Groups["charset"].Value : null;
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?(?<charset>[A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharsetPattern();

    [GeneratedRegex("""charset\s*=\s*["']?(?<charset>[A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetParameter();
}
