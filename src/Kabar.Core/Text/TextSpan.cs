namespace Kabar.Text;

/// <summary>A half-open range <c>[Start, End)</c> of UTF-16 code units in an article's text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    /// <summary>Number of code units covered.</summary>
    public int Length => End - Start;

    /// <summary>Whether the two spans share at least one position.</summary>
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    /// <summary>Whether <paramref name="other"/> lies wholly inside this span.</summary>
    public bool Contains(TextSpan other) => Start <= other.Start && other.End <= End;

    /// <summary>This span without the white space at its two ends; empty when it holds only white space.</summary>
    public TextSpan Trim(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int start = Start, end = End;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return new TextSpan(start, end);
    }

    /// <summary>The covered text of <paramref name="text"/>.</summary>
    public string Of(string text) => text[Start..End];
}
