using System.Text;
using Kabar.Web.Feeds;
using Kabar.Web.Fetching;

namespace Kabar.Web.Tests;

public class FeedTests
{
    private static IReadOnlyList<FeedItem> Parse(string xml)
    {
        Result<IReadOnlyList<FeedItem>> result = FeedParser.Parse(Encoding.UTF8.GetBytes(xml));
        Assert.True(result.IsSuccess, result.Rejection?.Message);
        return result.Value;
    }

    [Fact]
    public void Parse_Rss_TakesGuidLinkTitleAndDate_AndFallsBackToTheLinkAsId()
    {
        IReadOnlyList<FeedItem> items = Parse("""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Warta</title>
            <item><title>Banjir di Sukamaju</title><link>https://warta.example/banjir</link><guid isPermaLink="false">w-1</guid>
              <pubDate>Rabu, 19 Jun 2024 14:05 WIB</pubDate></item>
            <item><title>Tanpa guid</title><link>https://warta.example/tanpa</link><dc:date>2024-06-18</dc:date></item>
            <item><title>Tanpa apa pun</title></item>
            </channel></rss>
            """);
        Assert.Equal(2, items.Count);
        Assert.Equal(new FeedItem("w-1", "https://warta.example/banjir", "Banjir di Sukamaju", "2024-06-19T14:05:00+07:00"), items[0]);
        Assert.Equal(new FeedItem("https://warta.example/tanpa", "https://warta.example/tanpa", "Tanpa guid", "2024-06-18"), items[1]);
    }

    [Fact]
    public void Parse_Atom_TakesTheAlternateLink()
    {
        IReadOnlyList<FeedItem> items = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour</title>
            <entry><id>tag:harbour.example,2025:1</id><title>Port reopens</title>
              <link rel="self" href="https://harbour.example/feed/1"/><link rel="alternate" href="https://harbour.example/port"/>
              <updated>2025-03-04T06:00:00Z</updated></entry>
            </feed>
            """);
        Assert.Equal(new FeedItem("tag:harbour.example,2025:1", "https://harbour.example/port", "Port reopens", "2025-03-04T06:00:00+00:00"), items.Single());
    }

    [Theory]
    [InlineData("Wed, 19 Jun 2024 14:05:00 +0700", "2024-06-19T14:05:00+07:00")]
    [InlineData("Wed, 19 Jun 2024 07:05:00 GMT", "2024-06-19T07:05:00+00:00")]
    [InlineData("Rabu, 19 Jun 2024 14:05 WIB", "2024-06-19T14:05:00+07:00")]
    [InlineData("Kamis, 20 Jun 2024 09:30:00 WITA", "2024-06-20T09:30:00+08:00")]
    [InlineData("19 Juni 2024 14:05 WIB", "2024-06-19T14:05:00+07:00")]
    [InlineData("Jumat, 3 Mei 2024 10:00 WIT", "2024-05-03T10:00+09:00")]
    [InlineData("2024-06-19T14:05:00+07:00", "2024-06-19T14:05:00+07:00")]
    [InlineData("kemarin sore", null)]
    public void Date_ReadsRfc822IsoAndIndonesianForms(string text, string? iso) => Assert.Equal(iso, FeedParser.Date(text));

    [Fact]
    public void Parse_MalformedXml_NamesLineAndPosition_AndRefusesEntities()
    {
        Result<IReadOnlyList<FeedItem>> broken = FeedParser.Parse("<rss><channel>\n<item><title>tak selesai"u8.ToArray());
        Assert.StartsWith("malformed feed XML at line 2", broken.Rejection!.Message);

        Result<IReadOnlyList<FeedItem>> entity = FeedParser.Parse(Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><item><title>&x;</title></item></channel></rss>"));
        Assert.False(entity.IsSuccess);

        Assert.Equal("not an RSS or Atom feed (the document is <html>)", FeedParser.Parse("<html><body/></html>"u8.ToArray()).Rejection!.Message);
    }

    [Fact]
    public void Robots_TheMostSpecificGroupAndTheLongestRuleDecide()
    {
        RobotsRules rules = RobotsRules.Parse("""
            User-agent: *
            Disallow: /

            User-agent: Googlebot
            User-agent: Kabar
            Disallow: /private/
            Allow: /private/public-page
            Disallow: /*.pdf$
            """, "kabar");
        Assert.True(rules.Allows("/news/banjir"));
        Assert.False(rules.Allows("/private/file"));
        Assert.True(rules.Allows("/private/public-page"));
        Assert.False(rules.Allows("/docs/report.pdf"));
        Assert.True(rules.Allows("/docs/report.pdf?download=1"));
        Assert.False(RobotsRules.Parse("User-agent: *\nDisallow: /\n", "kabar").Allows("/anything"));
        Assert.True(RobotsRules.Parse("User-agent: *\nDisallow:\n", "kabar").Allows("/anything"));
    }
}
