using Kabar.Reports;
using Microsoft.AspNetCore.Http;

namespace Kabar.Server.Pages;

/// <summary>The site's style sheets and script, served from memory: the pages need no build step and no files beside the program.</summary>
internal static class Assets
{
    private const string SiteStyle = """
        :root{--ink:#1d2330;--muted:#5a6475;--line:#d8dce3;--bg:#f6f7f9;--accent:#1f5fae}
        *{box-sizing:border-box}body{font:15px/1.55 system-ui,sans-serif;margin:0;color:var(--ink);background:var(--bg)}
        a{color:var(--accent)}nav.top{display:flex;gap:18px;align-items:center;padding:10px 24px;background:var(--ink)}
        nav.top a{color:#fff;text-decoration:none}nav.top .brand{font-weight:700;font-size:18px}
        nav.top form{margin-left:auto;display:flex;gap:6px}nav.top input{padding:5px 8px;border-radius:4px;border:0;min-width:260px}
        button{padding:5px 12px;border-radius:4px;border:1px solid var(--line);background:#fff;cursor:pointer}
        main{padding:18px 24px;max-width:1280px;margin:0 auto}h1{font-size:22px;margin:4px 0 8px}h2{font-size:17px;margin:22px 0 8px}
        .muted{color:var(--muted);font-size:13px}.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:end;margin:8px 0 16px}
        .filters label{display:flex;flex-direction:column;font-size:12px;color:var(--muted)}.filters input{padding:4px 6px;border:1px solid var(--line);border-radius:4px}
        table{border-collapse:collapse;width:100%;background:#fff}td,th{border-bottom:1px solid var(--line);padding:7px 9px;text-align:left;vertical-align:top}
        th{font-size:12px;text-transform:uppercase;color:var(--muted);letter-spacing:.03em}td.num{text-align:right;white-space:nowrap}
        .badge{display:inline-block;padding:0 7px;border-radius:9px;font-size:12px;background:#e6e9ef;white-space:nowrap}
        .first_published{background:#c9e4ff}.exact_copy{background:#fbd3d3}.near_copy,.partial_copy{background:#fde5c8}.rewrite{background:#fff1b8}.independent_report{background:#d4f5dc}
        ol.timeline{list-style:none;padding:0;margin:0;border-left:3px solid var(--line)}ol.timeline li{position:relative;margin:0 0 14px;padding:2px 0 0 18px}
        ol.timeline li::before{content:"";position:absolute;left:-8px;top:8px;width:13px;height:13px;border-radius:50%;background:var(--accent)}
        .when{font-weight:600;margin-right:8px}.card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:12px 16px;margin:0 0 12px}
        .cleaned{white-space:pre-wrap;background:#fff;border:1px solid var(--line);border-radius:6px;padding:14px 18px}
        pre.raw{white-space:pre-wrap;word-break:break-word;background:#fff;border:1px solid var(--line);border-radius:6px;padding:12px;font-size:13px;max-height:480px;overflow:auto}
        dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;background:#fff;border:1px solid var(--line);border-radius:6px;padding:12px 16px}
        dl.meta dt{color:var(--muted)}dl.meta dd{margin:0;word-break:break-word}mark{background:#ffe58a;padding:0 1px}
        .carried-0{background:#fde2e2}meter{width:70px;vertical-align:middle}
        .removed{display:none;color:#8a94a6;text-decoration:line-through}#show-removed:checked~main .removed{display:inline}
        .toggle{text-decoration:underline;cursor:pointer;font-size:13px;color:var(--muted)}
        .hit{margin:6px 0 10px 14px}.pager{margin:16px 0;display:flex;gap:14px}details summary{cursor:pointer}
        """;

    private static readonly Dictionary<string, (string Content, string Type)> s_assets = new(StringComparer.Ordinal)
    {
        ["site.css"] = (SiteStyle, "text/css; charset=utf-8"),
        ["compare.css"] = (HtmlReport.Style, "text/css; charset=utf-8"),
        ["compare.js"] = (HtmlReport.Script, "text/javascript; charset=utf-8"),
    };

    public static IResult Get(string name, HttpResponse response)
    {
        if (!s_assets.TryGetValue(name, out (string Content, string Type) asset))
        {
            return Results.NotFound();
        }

        response.Headers.CacheControl = "public, max-age=3600";
        return Results.Text(asset.Content, asset.Type);
    }
}
