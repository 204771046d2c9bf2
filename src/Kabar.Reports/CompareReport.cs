using Kabar.Alignment;
using Kabar.Comparison;
using Kabar.Discrepancies;
using Kabar.Entities;
using Kabar.Pipeline;
using Kabar.Text;

namespace Kabar.Reports;

// The compare report as written to JSON (schema: docs/compare-json.md). The terminal and HTML reports read the
// same model, so the three outputs always say the same thing. Offsets are UTF-16 code units into each
// article's normalised text, half-open [start, end).

public sealed record CompareReport(
    string Tool, ReportArticle[] Articles, ReportAlignment[] Alignments, ReportUnique Unique,
    ReportVariant[] Variants, ReportDiscrepancy[] Discrepancies, ReportSummary Summary)
{
    public const string ToolVersion = "kabar-compare/1";

    public static CompareReport From(ArticleComparison c)
    {
        ReportArticle[] articles = [ReportArticle.From(c.A, c.SharedShareA), ReportArticle.From(c.B, c.SharedShareB)];
        ReportAlignment[] alignments = [.. c.Alignments.Select(x => ReportAlignment.From(c.A.Text, c.B.Text, x))];
        var unique = new ReportUnique([.. c.UniqueA.Select(s => ReportSpan.Of(c.A.Text, s.Span))], [.. c.UniqueB.Select(s => ReportSpan.Of(c.B.Text, s.Span))]);
        ReportVariant[] variants = [.. c.Variants.Select(ReportVariant.From)];
        ReportDiscrepancy[] discrepancies = [.. c.Discrepancies.Select(d => ReportDiscrepancy.From(c.A.Text, c.B.Text, d))];
        var summary = new ReportSummary(
            alignments.Length,
            alignments.Count(a => a.Kind == "copied"),
            alignments.Count(a => a.Kind == "paraphrased"),
            unique.A.Length,
            unique.B.Length,
            c.HasOverlap ? Verdict(c) : "no overlap: the articles share no sentence");
        return new CompareReport(ToolVersion, articles, alignments, unique, variants, discrepancies, summary);
    }

    private static string Verdict(ArticleComparison c)
    {
        double most = Math.Max(c.SharedShareA, c.SharedShareB);
        int copied = c.Alignments.Count(a => a.Kind == AlignmentKind.Copied);
        string how = copied * 2 >= c.Alignments.Count ? "copied" : "rewritten";
        return most switch
        {
            >= 0.9 => $"one article is a {how} version of the other",
            >= 0.4 => $"a large part of one article is {how} from the other or from a common source",
            _ => $"the articles share some {how} sentences",
        };
    }
}

public sealed record ReportSummary(int Aligned, int Copied, int Paraphrased, int UniqueA, int UniqueB, string Verdict);

public sealed record ReportSpan(int Start, int End, string Text)
{
    public static ReportSpan Of(string text, TextSpan span) => new(span.Start, span.End, span.Of(text));
}

public sealed record ReportArticle(
    string Path, string? Title, string? Outlet, string? Place, string Language, double LanguageConfidence, string Encoding,
    string[] Warnings, ReportDate[] Dates, string? Published, string? PublishedBasis, ReportCredit[] Credits, string[] CreditedSources,
    string[] Initials, ReportRemoval[] Removed, int Sentences, double SharedShare, string Text)
{
    public static ReportArticle From(Article a, double sharedShare) => new(
        a.Name,
        a.Metadata.Title,
        a.Metadata.Dateline?.Outlet,
        a.Metadata.Dateline?.Place,
        LanguageName(a.Language),
        Math.Round(a.LanguageConfidence, 3),
        a.Encoding,
        [.. a.Warnings],
        [.. a.Metadata.Dates.Select(d => new ReportDate(d.Span.Start, d.Span.End, d.Text, d.Iso, d.YearInferred, d.WeekdayMismatch))],
        a.Metadata.Published?.Iso,
        a.Metadata.Published?.Basis,
        [.. a.Metadata.Credits.Select(c => new ReportCredit(c.Source, Kebab(c.Kind.ToString()), c.Span.Start, c.Span.End, c.Text))],
        [.. a.Metadata.CreditedSources],
        [.. a.Metadata.Initials],
        [.. a.Removals.Select(r => new ReportRemoval(r.Text, Kebab(r.Reason.ToString()), r.Rule, r.Span.Start, r.Span.End))],
        a.Sentences.Count,
        Math.Round(sharedShare, 3),
        a.Text);

    public static string LanguageName(Kabar.Language language) => language switch
    {
        Kabar.Language.Indonesian => "id",
        Kabar.Language.English => "en",
        Kabar.Language.Malay => "ms",
        _ => "other",
    };

    public static string Kebab(string name) =>
        string.Concat(name.Select((ch, i) => char.IsUpper(ch) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(ch) : ch.ToString()));
}

public sealed record ReportDate(int Start, int End, string Text, string Iso, bool YearInferred, bool WeekdayMismatch);

public sealed record ReportCredit(string Source, string Kind, int Start, int End, string Text);

public sealed record ReportRemoval(string Text, string Reason, string Rule, int Start, int End);

public sealed record ReportAlignment(ReportSpan A, ReportSpan B, string Kind, double Score, double Cosine, double Ratio, ReportDiffOp[] Diff)
{
    public static ReportAlignment From(string textA, string textB, SentenceAlignment x) => new(
        ReportSpan.Of(textA, x.A.Span),
        ReportSpan.Of(textB, x.B.Span),
        x.Kind == AlignmentKind.Copied ? "copied" : "paraphrased",
        Math.Round(x.Score, 3),
        Math.Round(x.Cosine, 3),
        Math.Round(x.Ratio, 3),
        [.. x.Diff.Select(d => new ReportDiffOp(d.Kind.ToString().ToLowerInvariant(), ReportSpan.Of(textA, d.A), ReportSpan.Of(textB, d.B)))]);
}

public sealed record ReportDiffOp(string Op, ReportSpan A, ReportSpan B);

public sealed record ReportUnique(ReportSpan[] A, ReportSpan[] B);

public sealed record ReportVariant(string Name, string Kind, string Confidence, string[] Evidence, ReportVariantForm[] Forms)
{
    public static ReportVariant From(VariantGroup g) => new(
        g.Name,
        g.Kind.ToString().ToLowerInvariant(),
        g.Confidence.ToString().ToLowerInvariant(),
        [.. g.Evidence],
        [.. g.Forms.Select(f => new ReportVariantForm(f.Text, f.Article, f.Count, [.. f.Spans.Select(s => new[] { s.Start, s.End })]))]);
}

public sealed record ReportVariantForm(string Text, int Article, int Count, int[][] Spans);

public sealed record ReportDiscrepancy(string Kind, ReportSpan A, ReportSpan B, ReportSpan SentenceA, ReportSpan SentenceB)
{
    public static ReportDiscrepancy From(string textA, string textB, Discrepancy d) => new(
        d.Kind.ToString().ToLowerInvariant(),
        ReportSpan.Of(textA, d.A),
        ReportSpan.Of(textB, d.B),
        ReportSpan.Of(textA, d.SentenceA),
        ReportSpan.Of(textB, d.SentenceB));
}
