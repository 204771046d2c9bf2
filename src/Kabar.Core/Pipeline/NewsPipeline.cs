using Kabar.Cleaning;
using Kabar.Metadata;
using Kabar.Text;

namespace Kabar.Pipeline;

/// <summary>
/// Runs the stages every article goes through, in order: decode, normalise, strip boilerplate, read metadata,
/// split sentences, identify the language. Immutable and thread-safe: build once, reuse for every article.
/// Bad input never throws; it comes back as a <see cref="Rejection"/>.
/// </summary>
public sealed class NewsPipeline(BoilerplateStripper stripper)
{
    // A headline is a short first line without a closing full stop.
    private const int MaxTitleLength = 200;

    // Lines searched for a dateline, and characters in which a stamped date counts as the publication time.
    private const int DatelineLines = 3;
    private const int HeaderChars = 400;
    /// <summary>Story sentences after the title that make the lead: who, what, where and when.</summary>
    public const int LeadSentences = 3;

    /// <summary>A pipeline with the built-in boilerplate rules.</summary>
    public static NewsPipeline Default { get; } = new(BoilerplateStripper.Default);

    /// <summary>Processes raw bytes as read from a file.</summary>
    public Result<Article> Process(string name, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(name);
        Result<DecodedText> decoded = TextDecoder.Decode(bytes);
        if (!decoded.IsSuccess)
        {
            return Result<Article>.Failure(decoded.Rejection);
        }

        return Process(name, decoded.Value.Text, decoded.Value.Encoding, decoded.Value.Warning);
    }

    /// <summary>Processes text that is already decoded.</summary>
    public Result<Article> Process(string name, string text, string encoding = "utf-16", string? warning = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        string normalized = TextNormalizer.Normalize(text);
        if (string.IsNullOrWhiteSpace(normalized))
        {
            return Result<Article>.Failure(RejectionReason.Empty, ErrorMessages.Empty);
        }

        CleanedText cleaned = stripper.Strip(normalized);
        if (cleaned.Lines.Count == 0)
        {
            return Result<Article>.Failure(RejectionReason.NoContent, ErrorMessages.NoContent);
        }

        Dateline? dateline = null;
        foreach (TextSpan line in cleaned.Lines.Take(DatelineLines))
        {
            if ((dateline = DatelineParser.Parse(normalized, line)) is not null)
            {
                break;
            }
        }

        var sentences = new List<TextSpan>();
        var removals = new List<Removal>(cleaned.Removals);
        foreach (TextSpan line in cleaned.Lines)
        {
            TextSpan story = dateline is not null && line.Contains(dateline.Span) ? new TextSpan(dateline.Span.End, line.End) : line;
            foreach (TextSpan sentence in SentenceSplitter.Split(normalized, story))
            {
                // A photo credit left at the end of a caption ("... 20 Juni 2024. KCNA via REUTERS") is not story.
                string content = sentence.Of(normalized);
                if (Agencies.LineOfNames.IsMatch(content) || Agencies.ViaLine.IsMatch(content))
                {
                    removals.Add(new Removal(sentence, content, RemovalReason.Credit, "caption-credit"));
                }
                else
                {
                    sentences.Add(sentence);
                }
            }
        }

        removals.Sort((x, y) => x.Span.Start.CompareTo(y.Span.Start));

        var tokens = SentenceTokens.Of(normalized, sentences);
        (Language language, double confidence) = LanguageIdentifier.Identify(tokens);
        List<DateMention> dates = DateExtractor.Extract(normalized);
        (List<Credit> credits, List<string> initials) = CreditExtractor.Extract(normalized);
        int headerEnd = Math.Max(HeaderChars, dateline?.Span.End ?? 0);
        string? title = Title(normalized, cleaned.Lines, dateline);
        var metadata = new ArticleMetadata(
            title,
            dateline,
            dates,
            ArticleMetadata.EstimatePublished(dates, headerEnd, LeadEnd(sentences, title)),
            credits,
            initials);
        return Result<Article>.Success(new Article(
            name, normalized, encoding, warning is null ? [] : [warning], language, confidence, tokens, removals, metadata));
    }

    // The lead is the first story sentences after the headline.
    private static int LeadEnd(List<TextSpan> sentences, string? title)
    {
        int skip = title is null ? 0 : 1;
        return sentences.Count <= skip ? 0 : sentences[Math.Min(sentences.Count - 1, skip + LeadSentences - 1)].End;
    }

    private static string? Title(string text, IReadOnlyList<TextSpan> lines, Dateline? dateline)
    {
        if (lines.Count < 2)
        {
            return null;
        }

        TextSpan first = lines[0];
        if (first.Length > MaxTitleLength || text[first.End - 1] is '.' or '!' || (dateline is not null && first.Contains(dateline.Span)))
        {
            return null;
        }

        return first.Of(text);
    }
}
