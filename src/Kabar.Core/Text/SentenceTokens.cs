using System.Runtime.InteropServices;

namespace Kabar.Text;

/// <summary>
/// A text's sentences and their tokens, tokenized once. Language identification, story words, story features and names
/// all read the same words; each tokenizing them again was the largest single cost of preparing an article. Immutable.
/// </summary>
public sealed class SentenceTokens
{
    private readonly List<Token> _tokens;

    // _firsts[k] is the index of sentence k's first token; the last entry is the number of tokens.
    private readonly int[] _firsts;

    private SentenceTokens(string text, IReadOnlyList<TextSpan> sentences, List<Token> tokens, int[] firsts)
    {
        Text = text;
        Lower = text.ToLowerInvariant();
        Sentences = sentences;
        _tokens = tokens;
        _firsts = firsts;
    }

    /// <summary>The text every span refers to.</summary>
    public string Text { get; }

    /// <summary>The text lowered once (invariant culture, one character for one, so at the same offsets): the steps that
    /// compare words in lower case read them here instead of each lowering them again.</summary>
    public string Lower { get; }

    /// <summary>The sentences, in the order given.</summary>
    public IReadOnlyList<TextSpan> Sentences { get; }

    /// <summary>The tokens of every sentence, sentence after sentence.</summary>
    public ReadOnlySpan<Token> All => CollectionsMarshal.AsSpan(_tokens);

    /// <summary>The tokens of sentence <paramref name="sentence"/>.</summary>
    public ReadOnlySpan<Token> this[int sentence] =>
        CollectionsMarshal.AsSpan(_tokens)[_firsts[sentence].._firsts[sentence + 1]];

    /// <summary>Tokenizes the whole of <paramref name="text"/> as one sentence (a title, say).</summary>
    public static SentenceTokens Of(string text) => Of(text, [new TextSpan(0, text.Length)]);

    /// <summary>Tokenizes <paramref name="sentences"/> of <paramref name="text"/>.</summary>
    public static SentenceTokens Of(string text, IReadOnlyList<TextSpan> sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        // About one token in six characters of news prose, as the tokenizer assumes.
        var tokens = new List<Token>(Math.Max(4, text.Length / 6));
        int[] firsts = new int[sentences.Count + 1];
        for (int k = 0; k < sentences.Count; k++)
        {
            firsts[k] = tokens.Count;
            Tokenizer.Tokenize(text, sentences[k], tokens);
        }

        firsts[^1] = tokens.Count;
        return new SentenceTokens(text, sentences, tokens, firsts);
    }
}
