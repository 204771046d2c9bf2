using Kabar.Stories;

namespace Kabar.Reports;

/// <summary>
/// What a story's reports share and add, measured against its first report: each of its sentences with how many
/// other reports carry it (copied or paraphrased), and for each other report the share it takes from the first and
/// the sentences the first does not have. Only the first <see cref="MaxCompared"/> other reports are compared, so a
/// large story costs a bounded time.
/// </summary>
/// <param name="First">The first published member.</param>
/// <param name="Sentences">The first report's sentences, in order, with how many compared reports carry each.</param>
/// <param name="Members">The other reports compared, in story order.</param>
/// <param name="Compared">How many other reports were compared.</param>
/// <param name="Others">How many other reports the story has.</param>
public sealed record StoryContent(long First, IReadOnlyList<CarriedSentence> Sentences, IReadOnlyList<MemberContent> Members, int Compared, int Others)
{
    /// <summary>Other reports compared with the first, at most.</summary>
    public const int MaxCompared = 20;

    /// <summary>The content of <paramref name="story"/>, or null when its first report cannot be read.</summary>
    public static StoryContent? Build(StoredArticles articles, StoryReport story)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(story);
        StoryReportMember? first = story.Members.FirstOrDefault(m => m.Role.Role == StoryRole.FirstPublished) ?? story.Members.FirstOrDefault();
        if (first is null || articles.Load(first.Article.Id) is not { } origin)
        {
            return null;
        }

        var carriers = new Dictionary<int, int>();
        var members = new List<MemberContent>();
        List<StoryReportMember> others = [.. story.Members.Where(m => m != first)];
        foreach (StoryReportMember other in others.Take(MaxCompared))
        {
            if (articles.Compare(first.Article.Id, other.Article.Id) is not { } report)
            {
                continue;
            }

            foreach (int start in report.Alignments.Select(a => a.A.Start).Distinct())
            {
                carriers[start] = carriers.GetValueOrDefault(start) + 1;
            }

            members.Add(new MemberContent(other.Article.Id, report.Articles[1].SharedShare, [.. report.Unique.B.Select(u => u.Text)]));
        }

        return new StoryContent(
            first.Article.Id,
            [.. origin.Sentences.Select(s => new CarriedSentence(s.Of(origin.Text), carriers.GetValueOrDefault(s.Start)))],
            members,
            Math.Min(others.Count, MaxCompared),
            others.Count);
    }
}

/// <summary>A sentence of the first report and how many other reports carry it.</summary>
public sealed record CarriedSentence(string Text, int Carriers);

/// <summary>Another report against the first: the share of its text aligned with the first, and what only it has.</summary>
public sealed record MemberContent(long Id, double SharedShare, IReadOnlyList<string> Added);
