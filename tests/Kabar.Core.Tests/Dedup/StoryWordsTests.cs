using Kabar.Dedup;
using Kabar.Pipeline;

namespace Kabar.Core.Tests.Dedup;

public class StoryWordsTests
{
    [Fact]
    public void Of_LowersEveryWordAndNumber_OneSpaceApart_WithoutPunctuation()
    {
        Article article = NewsPipeline.Default.Process("t", """
            Banjir Rendam Ratusan Rumah di Kabupaten Ñuñoa
            Banjir setinggi 1,5 meter merendam 320 rumah warga, Selasa (4/6) pagi.
            "Airnya naik cepat sekali," kata Siti.
            """).Value!;

        string words = StoryWords.Of(article);

        Assert.Contains("banjir setinggi 1,5 meter merendam 320 rumah warga selasa 4 6 pagi airnya naik cepat sekali kata siti", words);
        Assert.Equal(words.ToLowerInvariant(), words);
        Assert.DoesNotContain("  ", words);
        Assert.False(words.StartsWith(' ') || words.EndsWith(' '));
    }
}
