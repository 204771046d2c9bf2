using Kabar.Evaluation;

namespace Kabar.Core.Tests.Evaluation;

public class SyntheticCorpusTests
{
    [Fact]
    public void Create_SameSeed_SameCorpus()
    {
        Assert.Equal(SyntheticCorpus.Create(50, 7).Select(a => a.Text), SyntheticCorpus.Create(50, 7).Select(a => a.Text));
        Assert.NotEqual(SyntheticCorpus.Create(5, 7).Select(a => a.Text), SyntheticCorpus.Create(5, 8).Select(a => a.Text));
    }

    [Fact]
    public void Create_PlantsEveryKindPointingAtAnEarlierArticleOfTheSameStory()
    {
        List<SyntheticArticle> corpus = [.. SyntheticCorpus.Create(500)];
        Assert.Equal(Enum.GetValues<SyntheticKind>().Length, corpus.Select(a => a.Kind).Distinct().Count());
        Assert.All(corpus.Where(a => a.Kind != SyntheticKind.Original), a =>
        {
            Assert.True(a.Of < a.Id);
            Assert.Equal(corpus[a.Of!.Value].Story, a.Story);
        });
        Assert.All(corpus.Where(a => a.Kind == SyntheticKind.Original), a => Assert.Equal(a.Id, a.Story));
    }

    [Fact]
    public void Create_ArticlesAreNewsSized()
    {
        double words = SyntheticCorpus.Create(200).Where(a => a.Kind == SyntheticKind.Original).Average(a => a.Text.Split(' ', '\n').Length);
        Assert.InRange(words, 350, 500);
    }
}
