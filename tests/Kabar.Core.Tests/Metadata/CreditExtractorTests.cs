using System.Text;
using System.Text.RegularExpressions;
using Kabar.Metadata;

namespace Kabar.Core.Tests.Metadata;

public class CreditExtractorTests
{
    private static List<(string Source, CreditKind Kind)> Credits(string text) =>
        [.. CreditExtractor.Extract(text).Credits.Select(c => (c.Source, c.Kind))];

    [Fact]
    public void Extract_ClosingCodes_MapAgenciesAndKeepInitials()
    {
        const string text = "Kalimat terakhir.\n(oln/sptnk/rtrs/almydn/*)";
        (List<Credit> credits, List<string> initials) = CreditExtractor.Extract(text);
        Assert.Equal(["Sputnik", "Reuters", "Al Mayadeen"], credits.Select(c => c.Source));
        Assert.All(credits, c => Assert.Equal(CreditKind.ClosingCode, c.Kind));
        Assert.Equal("rtrs", credits[1].Span.Of(text));
        Assert.Equal(["oln"], initials);
    }

    [Fact]
    public void Extract_CreditLine_NamesEachAgency() =>
        Assert.Equal([("Antara", CreditKind.CreditLine), ("Channel News Asia", CreditKind.CreditLine)], Credits("Isi berita.\nANTARA | CHANNEL NEWS ASIA\n"));

    [Fact]
    public void Extract_Via_NamesBoth() =>
        Assert.Equal([("KCNA", CreditKind.Via), ("Reuters", CreditKind.Via)], Credits("gambar 20 Juni 2024. KCNA via REUTERS"));

    [Theory]
    [InlineData("Diberitakan Reuters, Jumat (21 Juni 2024), kedua pengemudi", "Reuters")]
    [InlineData("pertama dalam seperempat abad,\" lapor Reuters.", "Reuters")]
    [InlineData("\"Kami siap,\" kata juru bicara itu kepada Reuters melalui telepon.", "Reuters")]
    [InlineData("Menurut KCNA, perjanjian baru itu", "KCNA")]
    [InlineData("seperti dilansir dari AFP, Senin", "AFP")]
    [InlineData("according to the Associated Press", "AP")]
    public void Extract_Attribution(string text, string source) =>
        Assert.Equal((source, CreditKind.Attribution), Assert.Single(Credits(text)));

    [Fact]
    public void AttributionMatches_AreThePatternsOwnMatches_OnTextsMadeToTrickTheWindows()
    {
        // Attributions of every shape the pattern takes, with up to ten words between "kata" and "kepada" (eight is the
        // most it takes), names in words ("diantaranya", "APBN") and on their own, "antara" as "between", attributions
        // back to back and overlapping, every kind of white space, and words with full stops.
        string[] verbs = ["menurut", "Menurut", "MENURUT", "dikutip dari", "dilansir", "dilansir dari", "lapor", "laporan", "according to", "told", "kepada", "sumber"];
        string[] between = ["", "", "the ", "kantor berita ", "Kantor  Berita ", "news agency "];
        string[] names = ["Reuters", "REUTERS", "reuters", "Antara", "antara", "ANTARA News", "AP", "AFP", "Ap", "APBN", "diantaranya", "Associated Press", "Channel NewsAsia", "KCNA"];
        string[] words = ["juru", "bicara", "itu", "St.", "Jakarta,", "\"kami", "pada", "(Senin)", "x"];
        string[] spaces = [" ", " ", "  ", "\n", "\t", "\u00A0", " \n "];
        var random = new Random(2025);
        string Space() => spaces[random.Next(spaces.Length)];
        int matches = 0, longest = 0;
        for (int i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder();
            for (int piece = random.Next(1, 5); piece > 0; piece--)
            {
                text.Append(random.Next(3) switch
                {
                    0 => verbs[random.Next(verbs.Length)] + Space() + between[random.Next(between.Length)],
                    1 => (random.Next(2) == 0 ? "kata" : "\"ujar") + string.Concat(Enumerable.Range(0, random.Next(11)).Select(_ => Space() + words[random.Next(words.Length)]))
                         + Space() + (random.Next(2) == 0 ? "kepada" : "to") + Space(),
                    _ => words[random.Next(words.Length)] + Space(),
                });
                text.Append(names[random.Next(names.Length)]).Append(random.Next(4) switch { 0 => ".", 1 => "nya", _ => Space() });
            }

            string t = text.ToString();
            List<Match> expected = CreditExtractor.Attribution().Matches(t).ToList();
            Assert.Equal(expected.Select(m => (m.Index, m.Value)), CreditExtractor.AttributionMatches(t).Select(m => (m.Index, m.Value)));
            matches += expected.Count;
            longest = Math.Max(longest, expected.Select(m => m.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length).DefaultIfEmpty().Max());
        }

        // The texts must hold attributions, the longest the pattern takes among them ("kata", eight words, "kepada" and a
        // name of two words), for the comparison to say anything.
        Assert.True(matches > 5_000, $"{matches} attributions");
        Assert.Equal(12, longest);
    }

    // The pattern takes the Kelvin sign for a name's 'k'; the search for where names start does not, so such a text is
    // scanned whole.
    [Fact]
    public void AttributionMatches_FindANameTheSearchForNamesCannot() =>
        Assert.Equal("menurut \u212Ayodo", Assert.Single(CreditExtractor.AttributionMatches("Hal itu, menurut \u212Ayodo, benar.")).Value);

    [Theory]
    [InlineData("Apa kata warga tentang banjir itu?")]
    [InlineData("Ia pergi ke kantor pada pagi hari.")]
    [InlineData("Dia berkata kepada istrinya bahwa dia lelah.")]
    public void Extract_NoCredit(string text) => Assert.Empty(Credits(text));
}
