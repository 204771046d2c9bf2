using System.Globalization;
using System.Net;
using System.Text;

namespace Kabar.Reports;

/// <summary>
/// A self-contained HTML page of the compare report: the two articles side by side with copied, paraphrased
/// and unique sentences highlighted, spelling variants and discrepancies marked in the text, removed
/// boilerplate shown on request. All article text is HTML-encoded: it is untrusted.
/// </summary>
public static class HtmlReport
{
    /// <summary>The report's style sheet.</summary>
    public const string Style = """
        body{font:15px/1.55 system-ui,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
        header{padding:16px 24px;background:#1d2330;color:#fff}header h1{margin:0 0 4px;font-size:20px}
        main{padding:16px 24px}.cols{display:grid;grid-template-columns:1fr 1fr;gap:20px}
        article{background:#fff;border:1px solid #d8dce3;border-radius:6px;padding:14px 18px}
        article h2{font-size:16px;margin:0 0 6px}.meta{font-size:13px;color:#4a5568;margin-bottom:10px}
        .text{white-space:pre-wrap}.s{border-radius:3px;cursor:default}
        .copied{background:#c8f2d0}.paraphrased{background:#fff1b8}.unique{background:#fde2e2}
        .s[data-pair]{cursor:pointer}.focus{outline:2px solid #2b6cb0}
        .removed{display:none;color:#8a94a6;text-decoration:line-through}#show-removed:checked~main .removed{display:inline}
        mark.variant{background:none;border-bottom:2px dotted #6b46c1}mark.discrepancy{background:#fbb6ce;font-weight:600}
        .legend span{padding:1px 6px;margin-right:8px;border-radius:3px}
        table{border-collapse:collapse;width:100%;background:#fff;margin:8px 0 20px}td,th{border:1px solid #d8dce3;padding:6px 8px;vertical-align:top;text-align:left;font-size:14px}
        del{background:#fed7d7;text-decoration:line-through}ins{background:#c6f6d5;text-decoration:none}
        label{font-size:13px}.toggle{text-decoration:underline;cursor:pointer}
        """;

    /// <summary>The report's script: a click on a sentence finds its counterpart.</summary>
    public const string Script = """
        document.querySelectorAll('.s[data-pair]').forEach(function(el){el.addEventListener('click',function(){
          document.querySelectorAll('.focus').forEach(function(f){f.classList.remove('focus')});
          el.dataset.pair.split(' ').forEach(function(p){document.querySelectorAll('[data-pair~="'+p+'"]').forEach(function(m){
            m.classList.add('focus');if(m!==el&&m.closest('article')!==el.closest('article'))m.scrollIntoView({block:'center',behavior:'smooth'});});});});});
        """;

    public static string Render(CompareReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        html.Append("<title>Kabar compare: ").Append(E(Label(report.Articles[0]))).Append(" / ").Append(E(Label(report.Articles[1]))).Append("</title>");
        html.Append("<style>").Append(Style).Append("</style></head><body>");
        html.Append("<input type=\"checkbox\" id=\"show-removed\" hidden>");
        html.Append("<header><h1>Kabar compare</h1><div>").Append(E(report.Summary.Verdict)).Append(" · ")
            .Append(report.Summary.Aligned).Append(" aligned pairs (").Append(report.Summary.Copied).Append(" copied, ")
            .Append(report.Summary.Paraphrased).Append(" paraphrased)</div></header><main>");
        AppendComparison(html, report);
        html.Append("</main><script>").Append(Script).Append("</script></body></html>\n");
        return html.ToString();
    }

    /// <summary>
    /// The comparison without a page around it (legend, the two articles side by side, variants, discrepancies,
    /// aligned sentences), for a page that links <see cref="Style"/> and <see cref="Script"/> itself. Removed
    /// boilerplate shows when a checkbox with id <c>show-removed</c> before the enclosing <c>main</c> is checked.
    /// </summary>
    public static void AppendComparison(StringBuilder html, CompareReport report)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(report);
        html.Append("<p class=\"legend\"><span class=\"copied\">copied</span><span class=\"paraphrased\">paraphrased</span><span class=\"unique\">only in this article</span>")
            .Append("<mark class=\"variant\">spelling variant</mark> <mark class=\"discrepancy\">discrepancy</mark> · click a sentence to find its counterpart · ")
            .Append("<label for=\"show-removed\" class=\"toggle\">show removed boilerplate</label></p>");

        html.Append("<div class=\"cols\">");
        for (int i = 0; i < 2; i++)
        {
            AppendArticle(html, report, i);
        }

        html.Append("</div>");
        AppendVariants(html, report);
        AppendDiscrepancies(html, report);
        AppendAlignments(html, report);
    }

    private static void AppendArticle(StringBuilder html, CompareReport report, int index)
    {
        ReportArticle a = report.Articles[index];
        string side = index == 0 ? "A" : "B";
        html.Append("<article id=\"article-").Append(side).Append("\"><h2>").Append(side).Append(": ").Append(E(Label(a))).Append("</h2>");
        html.Append("<div class=\"meta\">").Append(E(a.Path)).Append("<br>language ").Append(E(a.Language))
            .Append(" · published ").Append(E(a.Published ?? "unknown")).Append(" · credits: ")
            .Append(E(a.CreditedSources.Length == 0 ? "none found" : string.Join(", ", a.CreditedSources)))
            .Append(" · ").Append(Math.Round(a.SharedShare * 100).ToString(CultureInfo.InvariantCulture)).Append("% shared</div>");

        // Sentence classes, keyed by start offset; pairs get ids that both sides carry.
        var sentences = new SortedDictionary<int, (int End, string Class, string Pairs)>();
        for (int k = 0; k < report.Alignments.Length; k++)
        {
            ReportAlignment x = report.Alignments[k];
            ReportSpan s = index == 0 ? x.A : x.B;
            string pair = "p" + k.ToString(CultureInfo.InvariantCulture);
            sentences[s.Start] = sentences.TryGetValue(s.Start, out var existing)
                ? (s.End, existing.Class, existing.Pairs + " " + pair)
                : (s.End, x.Kind, pair);
        }

        foreach (ReportSpan u in index == 0 ? report.Unique.A : report.Unique.B)
        {
            sentences[u.Start] = (u.End, "unique", "");
        }

        var marks = new List<(int Start, int End, string Class, string Title)>();
        foreach (ReportVariant v in report.Variants)
        {
            foreach (ReportVariantForm f in v.Forms.Where(f => f.Article == index))
            {
                marks.AddRange(f.Spans.Select(span => (span[0], span[1], "variant", $"{v.Name}: {string.Join(", ", v.Forms.Select(x => x.Text).Distinct())}")));
            }
        }

        foreach (ReportDiscrepancy d in report.Discrepancies)
        {
            ReportSpan mine = index == 0 ? d.A : d.B, other = index == 0 ? d.B : d.A;
            marks.Add((mine.Start, mine.End, "discrepancy", $"{d.Kind}: the other article says \"{other.Text}\""));
        }

        var removed = a.Removed.ToDictionary(r => r.Start);
        string text = a.Text;
        html.Append("<div class=\"text\">");
        int at = 0;
        while (at < text.Length)
        {
            if (sentences.TryGetValue(at, out var s))
            {
                html.Append("<span class=\"s ").Append(s.Class).Append('"');
                if (s.Pairs.Length > 0)
                {
                    html.Append(" data-pair=\"").Append(s.Pairs).Append('"');
                }

                html.Append('>');
                AppendMarked(html, text, at, s.End, marks);
                html.Append("</span>");
                at = s.End;
            }
            else if (removed.TryGetValue(at, out ReportRemoval? r))
            {
                html.Append("<span class=\"removed\" title=\"removed: ").Append(E(r.Reason)).Append("\">").Append(E(text[r.Start..r.End])).Append("</span>");
                at = r.End;
            }
            else
            {
                int next = NextStart(at, text.Length, sentences.Keys, removed.Keys);
                html.Append(E(text[at..next]));
                at = next;
            }
        }

        html.Append("</div></article>");
    }

    private static int NextStart(int at, int length, IEnumerable<int> a, IEnumerable<int> b) =>
        a.Concat(b).Where(k => k > at).DefaultIfEmpty(length).Min();

    private static void AppendMarked(StringBuilder html, string text, int start, int end, List<(int Start, int End, string Class, string Title)> marks)
    {
        int at = start;
        foreach (var m in marks.Where(m => m.Start >= start && m.End <= end).OrderBy(m => m.Start).ThenBy(m => m.Class == "variant"))
        {
            if (m.Start < at)
            {
                continue; // overlapping marks: the first wins
            }

            html.Append(E(text[at..m.Start]));
            html.Append("<mark class=\"").Append(m.Class).Append("\" title=\"").Append(E(m.Title)).Append("\">").Append(E(text[m.Start..m.End])).Append("</mark>");
            at = m.End;
        }

        html.Append(E(text[at..end]));
    }

    private static void AppendVariants(StringBuilder html, CompareReport report)
    {
        html.Append("<h2>Spelling variants (").Append(report.Variants.Length).Append(")</h2><table><tr><th>name</th><th>kind</th><th>A</th><th>B</th><th>why</th></tr>");
        foreach (ReportVariant v in report.Variants)
        {
            html.Append("<tr><td>").Append(E(v.Name)).Append(v.Confidence == "possible" ? " <em>(possible)</em>" : "").Append("</td><td>").Append(E(v.Kind)).Append("</td>");
            for (int i = 0; i < 2; i++)
            {
                html.Append("<td>").Append(E(string.Join(", ", v.Forms.Where(f => f.Article == i).Select(f => $"{f.Text} ×{f.Count}")))).Append("</td>");
            }

            html.Append("<td>").Append(E(string.Join("; ", v.Evidence))).Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static void AppendDiscrepancies(StringBuilder html, CompareReport report)
    {
        html.Append("<h2>Discrepancies (").Append(report.Discrepancies.Length).Append(")</h2><table><tr><th>kind</th><th>A</th><th>B</th></tr>");
        foreach (ReportDiscrepancy d in report.Discrepancies)
        {
            html.Append("<tr><td>").Append(E(d.Kind)).Append("</td><td><b>").Append(E(d.A.Text)).Append("</b> in ").Append(E(d.SentenceA.Text))
                .Append("</td><td><b>").Append(E(d.B.Text)).Append("</b> in ").Append(E(d.SentenceB.Text)).Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static void AppendAlignments(StringBuilder html, CompareReport report)
    {
        html.Append("<h2>Aligned sentences with word diff (").Append(report.Alignments.Length).Append(")</h2><table><tr><th>kind</th><th>score</th><th>A → B</th></tr>");
        foreach (ReportAlignment x in report.Alignments)
        {
            html.Append("<tr><td class=\"").Append(x.Kind).Append("\">").Append(x.Kind).Append("</td><td>")
                .Append(x.Score.ToString("0.00", CultureInfo.InvariantCulture)).Append("</td><td>");
            foreach (ReportDiffOp op in x.Diff)
            {
                if (op.Op is "deleted" or "replaced")
                {
                    html.Append("<del>").Append(E(op.A.Text)).Append("</del> ");
                }

                if (op.Op is "inserted" or "replaced")
                {
                    html.Append("<ins>").Append(E(op.B.Text)).Append("</ins> ");
                }

                if (op.Op == "equal")
                {
                    html.Append(E(op.A.Text)).Append(' ');
                }
            }

            html.Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static string Label(ReportArticle a) => a.Outlet ?? Path.GetFileName(a.Path);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
