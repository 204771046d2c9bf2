using Kabar.Alignment;
using Kabar.Cleaning;
using Kabar.Comparison;
using Kabar.Entities;
using Kabar.Pipeline;
using Kabar.Testing;

namespace Kabar.Core.Tests.Acceptance;

/// <summary>The motivating case (BRIEF.md): two real reports of one event, read from ../shared/seeds at run time.</summary>
public class SeedArticlesTests
{
    private static readonly Lazy<ArticleComparison> s_comparison = new(() =>
    {
        string[] files = [.. Directory.GetFiles(RepoPaths.SharedPath("seeds"), "*.txt").Order(StringComparer.Ordinal)];
        Article[] articles = [.. files.Select(f => NewsPipeline.Default.Process(f, File.ReadAllBytes(f)).Value!)];
        return ArticleComparer.Default.Compare(articles[0], articles[1]);
    });

    private static ArticleComparison C => s_comparison.Value;

    [SharedDataFact("seeds")]
    public void Seeds_AtLeastTwelveSentencesAligned() => Assert.True(C.Alignments.Count >= 12, $"{C.Alignments.Count} aligned");

    [SharedDataFact("seeds")]
    public void Seeds_KnownRewrittenPairsAreAligned()
    {
        string[] pairs = [.. C.Alignments.Select(a => a.A.Span.Of(C.A.Text)[..20] + "|" + a.B.Span.Of(C.B.Text)[..20])];
        Assert.Contains("Senat Orus, bergaya |Senat Aurus, bergaya", pairs);
        Assert.Contains("Kim duduk di samping|Kim duduk di samping", pairs);
        Assert.Contains("Seorang pejabat seni|Seorang pejabat seni", pairs);
        Assert.Contains(C.Alignments, a => a.Kind == AlignmentKind.Copied);
        Assert.Contains(C.Alignments, a => a.Kind == AlignmentKind.Paraphrased);
    }

    [SharedDataFact("seeds")]
    public void Seeds_VariantGroups()
    {
        HashSet<string> Spellings(VariantGroup g) => [.. g.Forms.Select(f => f.Text)];
        Assert.Contains(C.Variants, g => Spellings(g).SetEquals(["Aurus", "Aura", "Auras", "Orus"]));
        Assert.Contains(C.Variants, g => Spellings(g).SetEquals(["Kim Jong Un", "Kim Jong-un", "Kim"]));
        Assert.Contains(C.Variants, g => Spellings(g).SetEquals(["Rolls-Royce", "Rolls Royce"]));
        Assert.Contains(C.Variants, g => g.Confidence == VariantConfidence.Possible && Spellings(g).SetEquals(["Yoon Suk Yeol", "Yun"]));
    }

    [SharedDataFact("seeds")]
    public void Seeds_SenatSentenceNamesAurusAndOrus()
    {
        Assert.Contains(C.Discrepancies, d => d.TextA == "Orus" && d.TextB == "Aurus" && d.SentenceA.Of(C.A.Text).StartsWith("Senat Orus", StringComparison.Ordinal));
    }

    [SharedDataFact("seeds")]
    public void Seeds_AllBoilerplateRemovedAndNoStorySentence()
    {
        string[] removedA = [.. C.A.Removals.Select(r => r.Text)];
        string[] removedB = [.. C.B.Removals.Select(r => r.Text)];
        Assert.Equal(["(oln/sptnk/rtrs/almydn/*)", "Tinggalkan Balasan", "Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *"], removedA);
        Assert.Equal(4, removedB.Count(r => r.StartsWith("Baca berita dengan sedikit iklan", StringComparison.Ordinal)));
        Assert.Contains(removedB, r => r.StartsWith("Pilihan editor:", StringComparison.Ordinal));
        Assert.Contains("ANTARA | CHANNEL NEWS ASIA", removedB);
        Assert.Contains("KCNA via REUTERS", removedB);
        Assert.Equal(7, removedB.Length);
        Assert.All(C.A.Removals.Concat(C.B.Removals), r => Assert.NotEqual(RemovalReason.Byline, r.Reason));
    }

    [SharedDataFact("seeds")]
    public void Seeds_OutletsDatesAndCredits()
    {
        Assert.Equal("Tribunnews", C.A.Metadata.Dateline!.Outlet);
        Assert.Equal(("Tempo", "Jakarta"), (C.B.Metadata.Dateline!.Outlet, C.B.Metadata.Dateline.Place));
        Assert.Equal(["2024-06-19", "2024-06-21", "2024-06-19", "2022-02", "2024-06-20"], C.A.Metadata.Dates.Select(d => d.Iso));
        Assert.True(C.A.Metadata.Dates[0].YearInferred);
        Assert.Equal(["2024-06-19", "2024-06-20", "2024-06-18", "2024-06-20", "2024-06-19"], C.B.Metadata.Dates.Select(d => d.Iso));
        Assert.Equal("2024-06-21", C.A.Metadata.Published!.Iso); // "Diberitakan Reuters, Jumat (21 Juni 2024)" in the lead
        Assert.Equal("2024-06-19", C.B.Metadata.Published!.Iso);
        Assert.Equal(["Reuters", "Sputnik", "Al Mayadeen"], C.A.Metadata.CreditedSources);
        Assert.Equal(["KCNA", "Reuters", "Antara", "Channel News Asia"], C.B.Metadata.CreditedSources);
        Assert.Equal(Language.Indonesian, C.A.Language);
        Assert.Equal(Language.Indonesian, C.B.Language);
    }
}
