using Kabar.Entities;
using Kabar.Text;

namespace Kabar.Core.Tests.Entities;

public class EntityExtractorTests
{
    private static List<Mention> Extract(string text)
    {
        var sentences = SentenceTokens.Of(text, SentenceSplitter.Split(text));
        var lowercase = new HashSet<string>(StringComparer.Ordinal);
        EntityExtractor.AddLowercaseWords(sentences, lowercase);
        return EntityExtractor.Extract(0, sentences, lowercase);
    }

    [Fact]
    public void Extract_TitleAndCountry_AreSplitFromThePersonsName()
    {
        List<Mention> mentions = Extract("Presiden Rusia Vladimir Putin bertemu pemimpin Korea Utara Kim Jong-un di Pyongyang.");
        Assert.Equal(["Rusia", "Vladimir Putin", "Korea Utara", "Kim Jong-un", "Pyongyang"], mentions.Select(m => m.Text));
        Assert.Equal([EntityKind.Place, EntityKind.Person, EntityKind.Place, EntityKind.Person, EntityKind.Place], mentions.Select(m => m.Kind));
    }

    [Fact]
    public void Extract_SentenceInitialCommonWord_IsNotAName()
    {
        List<Mention> mentions = Extract("Video itu dirilis kemarin. Sebuah video lain menunjukkan Putin.");
        Assert.Equal(["Putin"], mentions.Select(m => m.Text));
    }

    [Fact]
    public void Extract_WeekdaysAndMonths_AreNotNames() =>
        Assert.Empty(Extract("Ia tiba pada Selasa, 18 Juni lalu."));

    [Fact]
    public void Extract_ProductAfterCue_IsProduct()
    {
        Mention m = Assert.Single(Extract("Ia memberi sebuah limusin Aurus buatan pabrik itu."));
        Assert.Equal(("Aurus", EntityKind.Product), (m.Text, m.Kind));
    }

    [Fact]
    public void Extract_AbbreviationInsideName_StaysInOneMention() =>
        Assert.Contains("St. Petersburg", Extract("Pabrik itu berada di St. Petersburg tahun ini.").Select(m => m.Text));

    [Fact]
    public void Extract_HeadlineInTitleCase_KeepsOnlyWordsNeverWrittenInLowerCase()
    {
        const string text = "Putin Dan Kim Tertawa Bareng di Limusin Mewah\nPutin dan Kim tertawa bareng di dalam limusin mewah.";
        Assert.Equal(["Putin", "Kim", "Putin", "Kim"], Extract(text).Select(m => m.Text));
    }
}
