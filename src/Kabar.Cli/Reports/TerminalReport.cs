using System.Globalization;
using System.Text;
using Kabar.Reports;

namespace Kabar.Cli.Reports;

/// <summary>The compare report for people at a terminal: summary first, then pairs, unique sentences, variants, discrepancies, boilerplate.</summary>
internal sealed class TerminalReport(TextWriter output, bool color)
{
    private const string Reset = "\u001b[0m", Bold = "\u001b[1m", Dim = "\u001b[2m", Red = "\u001b[31m", Green = "\u001b[32m",
        Yellow = "\u001b[33m", Cyan = "\u001b[36m";

    public void Write(CompareReport report)
    {
        Heading("Kabar compare");
        string[] labels = ["A", "B"];
        for (int i = 0; i < 2; i++)
        {
            ReportArticle a = report.Articles[i];
            string outlet = a.Outlet is null ? "outlet unknown" : a.Place is null ? a.Outlet : $"{a.Outlet} ({a.Place})";
            string published = a.Published is null ? "date unknown" : $"published {a.Published} ({a.PublishedBasis})";
            Line($"  {Paint(Bold, labels[i])}  {a.Path}");
            Line($"     {outlet} · {a.Language} · {published} · {a.Sentences} sentences · {Percent(a.SharedShare)} shared");
            if (a.Title is not null)
            {
                Line($"     title: {a.Title}");
            }

            foreach (string warning in a.Warnings)
            {
                Line($"     {Paint(Yellow, "warning:")} {warning}");
            }

            string credits = a.CreditedSources.Length == 0 ? "none found" : string.Join(", ", a.CreditedSources);
            Line($"     credits: {credits}{(a.Initials.Length > 0 ? $" (staff initials: {string.Join(", ", a.Initials)})" : "")}");
            Line($"     dates: {(a.Dates.Length == 0 ? "none found" : string.Join("; ", a.Dates.Select(DateText)))}");
        }

        ReportSummary s = report.Summary;
        Line($"  {Paint(Bold, "Verdict:")} {s.Verdict}");
        Line($"  {Count(s.Aligned, "aligned sentence pair")} ({s.Copied} copied, {s.Paraphrased} paraphrased); {Count(s.UniqueA, "sentence")} only in A, {s.UniqueB} only in B; {Count(report.Variants.Length, "spelling variant group")}; {Count(report.Discrepancies.Length, "discrepancy", "discrepancies")}");

        Heading($"Aligned sentences ({report.Alignments.Length})");
        foreach (ReportAlignment x in report.Alignments)
        {
            string kind = x.Kind == "copied" ? Paint(Green, "copied") : Paint(Yellow, "paraphrased");
            Line($"  {kind} {x.Score.ToString("0.00", CultureInfo.InvariantCulture)}");
            Line($"    A: {x.A.Text}");
            Line($"    B: {x.B.Text}");
            Line($"    Δ: {Diff(x)}");
        }

        Heading($"Only in A ({report.Unique.A.Length})");
        foreach (ReportSpan u in report.Unique.A)
        {
            Line($"  - {u.Text}");
        }

        Heading($"Only in B ({report.Unique.B.Length})");
        foreach (ReportSpan u in report.Unique.B)
        {
            Line($"  - {u.Text}");
        }

        Heading($"Spelling variants ({report.Variants.Length})");
        foreach (ReportVariant v in report.Variants)
        {
            string forms = string.Join(" · ", v.Forms.GroupBy(f => f.Article).Select(g => labels[g.Key] + ": " + string.Join(", ", g.Select(f => $"{f.Text} ×{f.Count}"))));
            string confidence = v.Confidence == "possible" ? Paint(Yellow, " (possible)") : "";
            Line($"  {Paint(Bold, v.Name)} [{v.Kind}]{confidence}  {forms}");
            Line($"    {Paint(Dim, string.Join("; ", v.Evidence))}");
        }

        Heading($"Discrepancies ({report.Discrepancies.Length})");
        foreach (ReportDiscrepancy d in report.Discrepancies)
        {
            Line($"  {d.Kind}: A {Paint(Red, Quote(d.A.Text))} ≠ B {Paint(Green, Quote(d.B.Text))}");
            Line($"    {Paint(Dim, "A: " + d.SentenceA.Text)}");
            Line($"    {Paint(Dim, "B: " + d.SentenceB.Text)}");
        }

        Heading("Removed boilerplate");
        for (int i = 0; i < 2; i++)
        {
            foreach (ReportRemoval r in report.Articles[i].Removed)
            {
                Line($"  {labels[i]} {Paint(Dim, r.Reason)}: {r.Text}");
            }
        }
    }

    private string Diff(ReportAlignment x)
    {
        var sb = new StringBuilder();
        foreach (ReportDiffOp op in x.Diff)
        {
            string piece = op.Op switch
            {
                "equal" => op.A.Text,
                "deleted" => Removed(op.A.Text),
                "inserted" => Added(op.B.Text),
                _ => Removed(op.A.Text) + Added(op.B.Text),
            };
            sb.Append(sb.Length > 0 ? " " : "").Append(piece);
        }

        return sb.ToString();
    }

    private string Removed(string text) => color ? Red + "\u001b[9m" + text + Reset : "[-" + text + "-]";

    private string Added(string text) => color ? Green + text + Reset : "{+" + text + "+}";

    private static string DateText(ReportDate d) =>
        $"{d.Iso} \"{d.Text}\"" + (d.YearInferred ? " (year inferred)" : "") + (d.WeekdayMismatch ? " (weekday does not match)" : "");

    private static string Count(int n, string one, string? many = null) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many ?? one + "s");

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Quote(string text) => "\"" + text + "\"";

    private void Heading(string text)
    {
        output.WriteLine();
        Line(Paint(Bold + Cyan, text));
    }

    private string Paint(string style, string text) => color ? style + text + Reset : text;

    private void Line(string text) => output.WriteLine(text);
}
