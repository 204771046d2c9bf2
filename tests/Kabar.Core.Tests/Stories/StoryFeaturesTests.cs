using Kabar.Stories;
using static Kabar.Core.Tests.Stories.StoryTestArticles;
using static Kabar.Testing.StoryTexts;

namespace Kabar.Core.Tests.Stories;

public class StoryFeaturesTests
{
    [Fact]
    public void Of_WeighsTitleAboveLeadAboveBody()
    {
        StoryFeatures f = Features("""
            Gempa Guncang Pulau Sabu
            Gempa bermagnitudo lima mengguncang pulau itu pada Selasa.
            Warga berhamburan keluar rumah.
            Petugas memeriksa gedung sekolah.
            Listrik padam di gedung kecamatan.
            Gedung itu retak.
            """);
        Assert.Equal(StoryFeatures.TitleWeight + StoryFeatures.LeadWeight, f.Terms["gempa"]);
        Assert.Equal(StoryFeatures.LeadWeight + 1 + 1, f.Terms["gedung"]);  // once in the lead, twice in the body
        Assert.False(f.Terms.ContainsKey("itu"));                        // stopword
        Assert.True(f.Terms.ContainsKey("sabu"));                        // a name, kept whole
    }

    [Fact]
    public void Of_AddsNamesOfSeveralWordsAsOneFeature()
    {
        StoryFeatures f = Features("Presiden Korea Selatan Yoon Suk Yeol bertemu menteri luar negeri di Seoul pada Rabu.\nYoon Suk Yeol meminta kerja sama yang lebih erat.");
        Assert.True(f.Terms.ContainsKey("yoon suk yeol"));
    }

    [Fact]
    public void Of_CutsChineseIntoCharacterPairs()
    {
        StoryFeatures f = Features("澳大利亚气候活动家被捕。他在铁路上抗议。");
        Assert.True(f.Terms.ContainsKey("气候"));
        Assert.True(f.Terms.ContainsKey("铁路"));
        Assert.DoesNotContain(f.Terms.Keys, k => k.Length > 2);
    }

    [Fact]
    public void Of_TakesTheDayFromThePublishedDateGiven()
    {
        Assert.Equal(new DateOnly(2024, 6, 19), Features(FloodA, "2024-06-19T14:05:00+07:00").Day);
        Assert.Null(Features(FloodA, "kemarin").Day);
    }

    [Fact]
    public void Of_StemsCommonWordsCountsNumbersAndKeepsWordsLongerThanItsBuffer()
    {
        // Words are lowered in a 128-character buffer on the stack; a longer one takes the heap, and must count the same.
        string longName = "Xa" + new string('q', 140);
        StoryFeatures f = Features($"""
            Harga beras naik lagi
            Harganya naik 2.500 rupiah di pasar {longName} pada Senin.
            Pedagang mengatakan harganya belum turun.
            """);
        Assert.Equal(StoryFeatures.TitleWeight + (2 * StoryFeatures.LeadWeight), f.Terms["harga"]);  // "harganya" stemmed
        Assert.Equal(StoryFeatures.LeadWeight, f.Terms["2500"]);  // the figure read as Indonesian writes it
        Assert.Equal(StoryFeatures.LeadWeight, f.Terms[longName.ToLowerInvariant()]);
        Assert.All(f.Terms.Keys, k => Assert.Equal(k.ToLowerInvariant(), k));
    }

    [Fact]
    public void Of_ReadsAFigureAsItsLanguageWritesIt_SoATranslationSharesItsSourcesFigures()
    {
        StoryFeatures english = Features("""
            Port of Meridia reopens after the strike
            The strike stranded 12,000 containers and cost the port 1.5 million dollars, the authority said on Tuesday.
            Workers will get a wage rise of 7.5 percent over two years, the union said after the talks.
            """);
        StoryFeatures indonesian = Features("""
            Pelabuhan Meridia kembali dibuka setelah pemogokan
            Pemogokan membuat 12.000 peti kemas tertahan dan merugikan pelabuhan 1,5 juta dolar, kata otoritas pada Selasa.
            Para pekerja akan mendapat kenaikan upah 7,5 persen selama dua tahun, kata serikat setelah perundingan.
            """);
        foreach (string figure in new[] { "12000", "1.5", "7.5" })
        {
            Assert.True(english.Terms.ContainsKey(figure), figure);
            Assert.True(indonesian.Terms.ContainsKey(figure), figure);
        }

        // A figure longer than the buffer it is read in counts as written.
        string digits = string.Concat(Enumerable.Repeat("123.", 12)) + "4";
        Assert.True(Features($"Angka panjang\nAngka {digits} tertulis di laporan pada Senin.").Terms.ContainsKey(digits));
    }
}
