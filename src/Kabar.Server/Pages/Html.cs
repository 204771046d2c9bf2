using System.Globalization;
using System.Net;
using System.Text;
using Kabar.Server.Api;
using Microsoft.AspNetCore.Http;

namespace Kabar.Server.Pages;

/// <summary>
/// The pages' HTML: one layout, and encoding of every text that came from an article, a query or a URL. Nothing
/// untrusted is written without <see cref="E"/>; the only markup inside article text is the &lt;mark&gt; that
/// <see cref="Marked"/> puts around matched words after encoding the rest.
/// </summary>
internal static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>Attribute-safe encoding of a query-string value.</summary>
    public static string Q(string? text) => Uri.EscapeDataString(text ?? "");

    public static string N(long number) => number.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Text whose matched words the index marked with U+0002/U+0003, encoded, the matches in &lt;mark&gt;.</summary>
    public static string Marked(string? marked)
    {
        (string text, int[][] marks) = Api.Marked.Split(marked ?? "");
        var html = new StringBuilder();
        int at = 0;
        foreach (int[] m in marks)
        {
            html.Append(E(text[at..m[0]])).Append("<mark>").Append(E(text[m[0]..m[1]])).Append("</mark>");
            at = m[1];
        }

        return html.Append(E(text[at..])).ToString();
    }

    /// <summary>A link to an outside address, only for http(s) (a stored "javascript:" URL stays text), never sending who referred.</summary>
    public static string ExternalLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? $"<a href=\"{E(uri.AbsoluteUri)}\" rel=\"noopener noreferrer nofollow\">{E(url)}</a>"
            : E(url);

    public static IResult Page(string title, string body, int status = StatusCodes.Status200OK, string? search = null, bool compare = false)
    {
        var html = new StringBuilder(body.Length + 1024);
        html.Append("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" · Kabar</title><link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"/assets/site.css\">");
        if (compare)
        {
            html.Append("<link rel=\"stylesheet\" href=\"/assets/compare.css\"><script src=\"/assets/compare.js\" defer></script>");
        }

        html.Append("</head><body><input type=\"checkbox\" id=\"show-removed\" hidden>"); // shows removed boilerplate when checked

        html.Append("<nav class=\"top\"><a class=\"brand\" href=\"/\">Kabar</a><a href=\"/\">Stories</a>")
            .Append("<form class=\"search\" action=\"/search\" method=\"get\" role=\"search\"><input type=\"search\" name=\"q\" placeholder=\"Search articles\" aria-label=\"Search articles\" value=\"")
            .Append(E(search)).Append("\"><button type=\"submit\">Search</button></form></nav>")
            .Append("<main>").Append(body).Append("</main></body></html>\n");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    public static string Day(string? published) => published is null ? "undated" : published[..Math.Min(10, published.Length)];

    public static string Plural(long n, string noun, string? plural = null) => $"{N(n)} {(n == 1 ? noun : plural ?? noun + "s")}";
}
