using System.Collections.Frozen;
using System.Runtime.InteropServices;
using Kabar.Text;

namespace Kabar.Entities;

/// <summary>
/// Finds names as runs of capitalised words, split where a title ("Presiden") or a known country ("Korea
/// Utara") ends: "Presiden Rusia Vladimir Putin" gives the place "Rusia" and the person "Vladimir Putin".
/// A capitalised word that opens a sentence, or any word of a title-case headline, counts only when the
/// articles never write it in lower case. No gazetteer is needed; the lists are small and built in.
/// </summary>
public static class EntityExtractor
{
    // The lexicon's lists asked with a span.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_notNames = NameLexicon.NotNames.GetAlternateLookup<ReadOnlySpan<char>>(),
        s_places = NameLexicon.Places.GetAlternateLookup<ReadOnlySpan<char>>(),
        s_titles = NameLexicon.Titles.GetAlternateLookup<ReadOnlySpan<char>>(),
        s_organisationWords = NameLexicon.OrganisationWords.GetAlternateLookup<ReadOnlySpan<char>>(),
        s_productCues = NameLexicon.ProductCues.GetAlternateLookup<ReadOnlySpan<char>>(),
        s_connectors = NameLexicon.Connectors.GetAlternateLookup<ReadOnlySpan<char>>();

    // The longest place name: words longer together are not one, and are not joined to ask.
    private static readonly int s_longestPlace = NameLexicon.Places.Max(p => p.Length);

    // A sentence whose words are mostly capitalised is a headline, where capitals say nothing.
    private const double HeadlineCapitalShare = 0.6;
    private const int HeadlineMinWords = 4;

    /// <summary>Words seen in lower case in <paramref name="sentences"/>, to tell common words from names.
    /// <paramref name="vocabulary"/> compares ordinally (as a set of strings does by default): words are looked up in it
    /// as spans.</summary>
    public static void AddLowercaseWords(SentenceTokens sentences, HashSet<string> vocabulary)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(vocabulary);
        // Added as spans: a word becomes a string only the first time.
        HashSet<string>.AlternateLookup<ReadOnlySpan<char>> words = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        string text = sentences.Text;
        foreach (Token t in sentences.All)
        {
            if (t.Kind == TokenKind.Word && char.IsLower(text[t.Start]))
            {
                words.Add(text.AsSpan(t.Start, t.End - t.Start));
            }
        }
    }

    /// <summary>The mentions in the given sentences of one article.</summary>
    /// <param name="article">0 or 1: which article of a comparison.</param>
    /// <param name="sentences">Its story sentences and their tokens.</param>
    /// <param name="lowercaseWords">Words written in lower case anywhere in the articles compared.</param>
    public static List<Mention> Extract(int article, SentenceTokens sentences, HashSet<string> lowercaseWords)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(lowercaseWords);
        string text = sentences.Text;
        var words = new NameWords(sentences, lowercaseWords.GetAlternateLookup<ReadOnlySpan<char>>());
        var mentions = new List<Mention>();
        for (int k = 0; k < sentences.Sentences.Count; k++)
        {
            ReadOnlySpan<Token> tokens = sentences[k];
            int wordCount = 0, capitals = 0, firstWord = -1;
            for (int t = 0; t < tokens.Length; t++)
            {
                wordCount += tokens[t].Kind == TokenKind.Word ? 1 : 0;
                capitals += tokens[t].IsCapitalized(text) ? 1 : 0;
                firstWord = firstWord < 0 && tokens[t].Kind != TokenKind.Symbol ? t : firstWord;
            }

            bool headline = wordCount >= HeadlineMinWords && capitals >= wordCount * HeadlineCapitalShare;
            int i = 0;
            while (i < tokens.Length)
            {
                if (!words.IsNameWord(tokens[i], headline || i == firstWord))
                {
                    i++;
                    continue;
                }

                var run = new List<Token> { tokens[i] };
                int j = i + 1;
                while (j < tokens.Length)
                {
                    if (words.IsNameWord(tokens[j], headline))
                    {
                        run.Add(tokens[j]);
                        j++;
                    }
                    else if (IsInnerPiece(words, tokens, j, run[^1], headline))
                    {
                        j++; // "bin" in "Ali bin Abdullah", "." in "St. Petersburg"
                    }
                    else
                    {
                        break;
                    }
                }

                Emit(article, sentences, run, PreviousWord(sentences, tokens, i), mentions);
                i = j;
            }
        }

        return mentions;
    }

    // Tells name words from common ones, reading words lowered from the sentences and asking the lower-case words as spans.
    private readonly record struct NameWords(SentenceTokens Sentences, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Common)
    {
        public bool IsNameWord(Token t, bool mayBeCommon)
        {
            if (t.Kind != TokenKind.Word || !char.IsUpper(Sentences.Text[t.Start]))
            {
                return false;
            }

            // Every capitalised word of every article comes here.
            ReadOnlySpan<char> lower = Sentences.Lower.AsSpan(t.Start, t.End - t.Start);
            if (Stopwords.IsStopword(lower, Language.Other) || s_notNames.Contains(lower))
            {
                return false;
            }

            return !mayBeCommon || !Common.Contains(lower) || s_places.Contains(lower);
        }
    }

    private static bool IsInnerPiece(NameWords words, ReadOnlySpan<Token> tokens, int j, Token last, bool headline)
    {
        if (j + 1 >= tokens.Length || !words.IsNameWord(tokens[j + 1], headline))
        {
            return false;
        }

        string text = words.Sentences.Text;

        Token t = tokens[j];
        if (t.Kind == TokenKind.Word)
        {
            return s_connectors.Contains(text.AsSpan(t.Start, t.End - t.Start));
        }

        // "St." inside "St. Petersburg": a full stop right after a short capitalised abbreviation.
        return text[t.Start] == '.' && t.Start == last.End && last.End - last.Start <= 2;
    }

    // The word before a run, lowered, if only quotes and an opening parenthesis stand between; empty if none.
    private static ReadOnlySpan<char> PreviousWord(SentenceTokens sentences, ReadOnlySpan<Token> tokens, int i)
    {
        for (int k = i - 1; k >= 0; k--)
        {
            if (tokens[k].Kind == TokenKind.Word)
            {
                return Lower(sentences, tokens[k]);
            }

            if (sentences.Text[tokens[k].Start] is not ('"' or '\'' or '('))
            {
                return [];
            }
        }

        return [];
    }

    // Splits a run at titles and leading place names, and classifies each piece. Words are asked for in the lexicon as
    // spans of the lowered text, since every capitalised word of every article comes here.
    private static void Emit(int article, SentenceTokens sentences, List<Token> run, ReadOnlySpan<char> before, List<Mention> mentions)
    {
        ReadOnlySpan<Token> tokens = CollectionsMarshal.AsSpan(run);
        bool afterTitle = s_titles.Contains(before);
        int start = 0;
        while (start < tokens.Length)
        {
            if (s_titles.Contains(Lower(sentences, tokens[start])))
            {
                afterTitle = true;
                start++;
                continue;
            }

            int end = start;
            while (end < tokens.Length && !s_titles.Contains(Lower(sentences, tokens[end])))
            {
                end++;
            }

            int place = PlacePrefix(sentences, tokens[start..end]);
            if (place > 0 && start + place < end)
            {
                Add(article, sentences.Text, run.GetRange(start, place), EntityKind.Place, mentions);
                start += place;
            }

            ReadOnlySpan<Token> piece = tokens[start..end];
            bool loneOrganisationWord = piece.Length == 1 && s_organisationWords.Contains(Lower(sentences, piece[0])) && !IsAcronym(sentences.Text, piece[0]);
            if (!loneOrganisationWord)
            {
                Add(article, sentences.Text, run.GetRange(start, end - start), Classify(sentences, piece, afterTitle, start == 0 ? before : []), mentions);
            }

            afterTitle = false;
            start = end;
        }
    }

    private static int PlacePrefix(SentenceTokens sentences, ReadOnlySpan<Token> piece) =>
        piece.Length >= 2 && IsPlace(sentences, piece[..2]) ? 2 : IsPlace(sentences, piece[..1]) ? 1 : 0;

    private static EntityKind Classify(SentenceTokens sentences, ReadOnlySpan<Token> piece, bool afterTitle, ReadOnlySpan<char> before)
    {
        if (IsPlace(sentences, piece))
        {
            return EntityKind.Place;
        }

        foreach (Token t in piece)
        {
            if (s_organisationWords.Contains(Lower(sentences, t)))
            {
                return EntityKind.Organisation;
            }
        }

        if (afterTitle)
        {
            return EntityKind.Person;
        }

        return s_productCues.Contains(before) ? EntityKind.Product : EntityKind.Unknown;
    }

    // Whether the words, lowered and joined by single spaces as the lexicon writes a place of several words, name a place.
    private static bool IsPlace(SentenceTokens sentences, ReadOnlySpan<Token> words)
    {
        if (words.Length == 1)
        {
            return s_places.Contains(Lower(sentences, words[0]));
        }

        Span<char> joined = stackalloc char[s_longestPlace];
        int length = 0;
        foreach (Token t in words)
        {
            ReadOnlySpan<char> word = Lower(sentences, t);
            int from = length == 0 ? 0 : length + 1;
            if (from + word.Length > joined.Length)
            {
                return false;
            }

            if (length > 0)
            {
                joined[length] = ' ';
            }

            word.CopyTo(joined[from..]);
            length = from + word.Length;
        }

        return s_places.Contains(joined[..length]);
    }

    private static void Add(int article, string text, List<Token> tokens, EntityKind kind, List<Mention> mentions)
    {
        var span = new TextSpan(tokens[0].Start, tokens[^1].End);
        mentions.Add(new Mention(article, span, span.Of(text), tokens, kind));
    }

    private static bool IsAcronym(string text, Token t) => t.End - t.Start >= 2 && text.AsSpan(t.Start, t.End - t.Start).IndexOfAnyInRange('a', 'z') < 0;

    private static ReadOnlySpan<char> Lower(SentenceTokens sentences, Token t) => sentences.Lower.AsSpan(t.Start, t.End - t.Start);
}
