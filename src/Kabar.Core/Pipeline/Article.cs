using Kabar.Cleaning;
using Kabar.Metadata;
using Kabar.Text;

namespace Kabar.Pipeline;

/// <summary>An article after the one-way pipeline: decoded, normalised, cleaned, described and split. Immutable.</summary>
/// <param name="Name">Where it came from (a path or id), for messages and reports.</param>
/// <param name="Text">The normalised text; every span of the article refers to it.</param>
/// <param name="Encoding">The encoding the raw bytes were read with.</param>
/// <param name="Warnings">Problems that did not stop processing (e.g. not UTF-8).</param>
/// <param name="Language">The language of the story sentences.</param>
/// <param name="LanguageConfidence">Share of words that decided the language, 0–1.</param>
/// <param name="Tokens">The story's sentences, in order, and their tokens; boilerplate and the dateline are outside them.</param>
/// <param name="Removals">Boilerplate lines removed, in order.</param>
/// <param name="Metadata">Title, dateline, dates, publication estimate and credits.</param>
public sealed record Article(
    string Name,
    string Text,
    string Encoding,
    IReadOnlyList<string> Warnings,
    Language Language,
    double LanguageConfidence,
    SentenceTokens Tokens,
    IReadOnlyList<Removal> Removals,
    ArticleMetadata Metadata)
{
    /// <summary>The story's sentences, in order.</summary>
    public IReadOnlyList<TextSpan> Sentences => Tokens.Sentences;
}
