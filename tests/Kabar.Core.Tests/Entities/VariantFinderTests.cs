using Kabar.Alignment;
using Kabar.Entities;
using Kabar.Text;

namespace Kabar.Core.Tests.Entities;

public class VariantFinderTests
{
    // A wire story and a machine-translation-style rewrite, written for these tests.
    private const string Wire =
        "Syahbandar Johan Verhoek mengatakan kapal pertama berangkat sebelum fajar.\n" +
        "Nordmar Shipping mengalihkan empat belas kapal ke Pelabuhan Castelo selama pemogokan.\n" +
        "Direktur Elisabeth Kaarlsen bertemu Presiden Hendra Wijaya-Kusuma di Jakarta.\n" +
        "Hendra mengatakan pelabuhan itu akan diperluas tahun depan.\n" +
        "Perusahaan itu memakai kapal Rolls-Royce untuk rute utara.";

    private const string Rewrite =
        "Syahbandar Johan Verhuk mengatakan kapal pertama berangkat sebelum fajar.\n" +
        "Nordmaar Shipping mengalihkan empat belas kapal ke Pelabuhan Castello selama pemogokan.\n" +
        "Direktur Elisabeth Karlsen bertemu Presiden Hendra Wijaya Kusuma di Jakarta.\n" +
        "Perusahaan itu memakai kapal Rolls Royce untuk rute utara.\n" +
        "Penasihat keamanan Hendri menolak berkomentar.";

    private static List<VariantGroup> Find(string a, string b)
    {
        List<TextSpan> sa = SentenceSplitter.Split(a), sb = SentenceSplitter.Split(b);
        SentenceTokens ta = SentenceTokens.Of(a, sa), tb = SentenceTokens.Of(b, sb);
        var lowercase = new HashSet<string>(StringComparer.Ordinal);
        EntityExtractor.AddLowercaseWords(ta, lowercase);
        EntityExtractor.AddLowercaseWords(tb, lowercase);
        List<Mention> mentions = [.. EntityExtractor.Extract(0, ta, lowercase), .. EntityExtractor.Extract(1, tb, lowercase)];
        List<SentenceAlignment> alignments = new SentenceAligner(new SentenceAlignerOptions())
            .Align(DocumentProfile.Create(a, sa, Language.Indonesian), DocumentProfile.Create(b, sb, Language.Indonesian));
        return VariantFinder.Find(a, b, mentions, alignments);
    }

    private static HashSet<string> Spellings(VariantGroup g) => [.. g.Forms.Select(f => f.Text)];

    [Fact]
    public void Find_SubstitutionInAlignedSentences_GroupsSpellings()
    {
        List<VariantGroup> groups = Find(Wire, Rewrite);
        Assert.Contains(groups, g => Spellings(g).SetEquals(["Johan Verhoek", "Johan Verhuk"]) && g.Confidence == VariantConfidence.Variant);
        Assert.Contains(groups, g => Spellings(g).SetEquals(["Nordmar", "Nordmaar"]));
        Assert.Contains(groups, g => Spellings(g).SetEquals(["Pelabuhan Castelo", "Pelabuhan Castello"]));
        Assert.Contains(groups, g => Spellings(g).SetEquals(["Elisabeth Kaarlsen", "Elisabeth Karlsen"]));
    }

    [Fact]
    public void Find_HyphenOrSpace_GroupsAndAddsTheShortForm()
    {
        List<VariantGroup> groups = Find(Wire, Rewrite);
        VariantGroup hendra = Assert.Single(groups, g => g.Confidence == VariantConfidence.Variant && g.Forms.Any(f => f.Text == "Hendra Wijaya-Kusuma"));
        Assert.Equal(["Hendra", "Hendra Wijaya-Kusuma", "Hendra Wijaya Kusuma"], hendra.Forms.Select(f => f.Text));
        Assert.Equal([0, 0, 1], hendra.Forms.Select(f => f.Article));
        Assert.Contains(groups, g => Spellings(g).SetEquals(["Rolls-Royce", "Rolls Royce"]));
    }

    [Fact]
    public void Find_SpellingsSharingWordsAfterAConnector_KeepTheirFirstWord()
    {
        // "der" is a connector: a word of each spelling but no token of its mention. Trimming the shared "der Grenzen" by
        // tokens once reached before the first token and threw.
        const string a = "Die Regierung verschiebt die Eröffnung der Grenzen bis Juni.\nDer Minister sprach am Montag in Bonn.";
        const string b = "Die Regierung verschiebt die Öffnung der Grenzen bis Juni.\nDer Minister sprach am Montag in Bonn.";

        VariantGroup group = Assert.Single(Find(a, b), g => g.Forms.Any(f => f.Text.EndsWith("ffnung", StringComparison.Ordinal)));

        Assert.Equal(["Eröffnung", "Öffnung"], group.Forms.Select(f => f.Text));
        Assert.Equal("Eröffnung", a[group.Forms[0].Spans[0].Start..group.Forms[0].Spans[0].End]);
    }

    [Fact]
    public void Find_SimilarSingleWord_IsOnlyAPossibleVariant()
    {
        VariantGroup possible = Assert.Single(Find(Wire, Rewrite), g => g.Confidence == VariantConfidence.Possible);
        Assert.Contains("Hendri", Spellings(possible));
    }

    [Fact]
    public void Find_SameSpellingsEverywhere_ReportsNothing() => Assert.Empty(Find(Wire, Wire));
}
