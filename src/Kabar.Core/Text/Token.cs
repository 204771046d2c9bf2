namespace Kabar.Text;

/// <summary>What a token is made of.</summary>
public enum TokenKind
{
    /// <summary>Letters, possibly joined by hyphens or apostrophes ("Jong-un", "teknologi-teknologi").</summary>
    Word,
    /// <summary>Starts with a digit: "1.000", "1,5", "2024", "COVID-19" is a word.</summary>
    Number,
    /// <summary>One punctuation or symbol character.</summary>
    Symbol,
}

/// <summary>A token as a <c>[Start, End)</c> range of the text; strings are made only where needed.</summary>
public readonly record struct Token(int Start, int End, TokenKind Kind)
{
    /// <summary>The range as a span.</summary>
    public TextSpan Span => new(Start, End);

    /// <summary>Whether the first character is an upper-case letter.</summary>
    public bool IsCapitalized(string text) => Kind == TokenKind.Word && char.IsUpper(text[Start]);
}
