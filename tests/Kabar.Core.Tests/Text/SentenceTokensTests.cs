using Kabar.Text;

namespace Kabar.Core.Tests.Text;

public class SentenceTokensTests
{
    [Fact]
    public void EachSentence_HasExactlyTheTokensTheTokenizerGivesIt_AndAllIsThemInOrder()
    {
        const string text = "Banjir melanda Jakarta. \n\nHujan 1.000 mm (rekor) turun.  Warga mengungsi!";
        List<TextSpan> sentences = SentenceSplitter.Split(text);
        Assert.Equal(3, sentences.Count);

        var tokens = SentenceTokens.Of(text, sentences);

        Assert.Same(text, tokens.Text);
        Assert.Equal(sentences, tokens.Sentences);
        for (int k = 0; k < sentences.Count; k++)
        {
            Assert.Equal(Tokenizer.Tokenize(text, sentences[k]), tokens[k].ToArray());
        }

        Assert.Equal(sentences.SelectMany(s => Tokenizer.Tokenize(text, s)), tokens.All.ToArray());
    }

    [Fact]
    public void ASentenceOfOnlyWhiteSpace_HasNoTokens_AndDoesNotShiftTheNext()
    {
        const string text = "Satu.   Dua tiga.";
        TextSpan[] sentences = [new(0, 5), new(5, 8), new(8, 17)];

        var tokens = SentenceTokens.Of(text, sentences);

        Assert.Equal(0, tokens[1].Length);
        Assert.Equal(["Dua", "tiga", "."], tokens[2].ToArray().Select(t => text[t.Start..t.End]));
        Assert.Equal(0, SentenceTokens.Of(text, []).All.Length);
    }

    [Fact]
    public void Lower_KeepsEveryOffset_SoEachWordsSliceIsTheWordLowered()
    {
        const string text = "İSTANBUL dan ÖFFNUNG: Ǆemal, ΣΟΦΙΑ dan Ḱ tiba.";
        var tokens = SentenceTokens.Of(text);

        Assert.Equal(text.Length, tokens.Lower.Length);
        Assert.All(tokens.All.ToArray(), t =>
            Assert.Equal(text[t.Start..t.End].ToLowerInvariant(), tokens.Lower[t.Start..t.End]));
    }
}
