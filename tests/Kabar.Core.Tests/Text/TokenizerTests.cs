using Kabar.Text;

namespace Kabar.Core.Tests.Text;

public class TokenizerTests
{
    private static string[] Texts(string text) => [.. Tokenizer.Tokenize(text).Select(t => t.Span.Of(text))];

    [Fact]
    public void Tokenize_ReduplicatedWordAndHyphenatedName_KeepHyphen() =>
        Assert.Equal(["teknologi-teknologi", "Kim", "Jong-un", "Rolls-Royce"], Texts("teknologi-teknologi Kim Jong-un Rolls-Royce"));

    [Fact]
    public void Tokenize_NumbersWithSeparators_StayWhole()
    {
        List<Token> tokens = Tokenizer.Tokenize("1.000 km, 1,5 jam, 2024.");
        Assert.Equal(["1.000", "km", ",", "1,5", "jam", ",", "2024", "."], tokens.Select(t => t.Span.Of("1.000 km, 1,5 jam, 2024.")));
        Assert.Equal(TokenKind.Number, tokens[0].Kind);
        Assert.Equal(TokenKind.Symbol, tokens[2].Kind);
    }

    [Fact]
    public void Tokenize_ApostropheInsideWord_StaysWhole() => Assert.Equal(["Jum'at", "don't", "'", "x"], Texts("Jum'at don't 'x"));

    [Fact]
    public void Tokenize_DashBetweenSpaces_IsSymbol() => Assert.Equal(["A", "-", "B"], Texts("A - B"));

    [Fact]
    public void Tokenize_Span_OnlyCoversTheSpan()
    {
        const string text = "satu dua tiga";
        Assert.Equal(["dua"], Tokenizer.Tokenize(text, new TextSpan(5, 8)).Select(t => t.Span.Of(text)));
    }

    [Fact]
    public void Tokenize_RandomText_TokensAreOrderedNonEmptyAndWithoutWhiteSpace()
    {
        var random = new Random(11);
        string alphabet = "aZ9 -'.,\n\u00e9!";
        for (int n = 0; n < 300; n++)
        {
            string text = new([.. Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            int previousEnd = 0;
            foreach (Token t in Tokenizer.Tokenize(text))
            {
                Assert.True(t.Start >= previousEnd && t.End > t.Start);
                Assert.DoesNotContain(t.Span.Of(text), char.IsWhiteSpace);
                previousEnd = t.End;
            }
        }
    }
}
