using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kabar.Evaluation;
using Kabar.Pipeline;
using Kabar.Storage;
using Kabar.Storage.Sqlite;
using Kabar.Stories;

namespace Kabar.Cli.Evaluation;

/// <summary>How the stories of one corpus agree with its true events.</summary>
/// <param name="Corpus">What was ingested.</param>
/// <param name="Articles">Articles ingested.</param>
/// <param name="Rejected">Of them, those Kabar rejected: each counts as a story of its own.</param>
/// <param name="Events">True events (classes).</param>
/// <param name="Stories">Stories Kabar made.</param>
/// <param name="Agreement">B-cubed and NMI of the stories against the events.</param>
/// <param name="JoinedBySource">For a generated corpus, per kind of article made from an earlier one: how many there are
/// and the share that joined the story of that article (which only a <see cref="SyntheticKind.Related"/> event should
/// not). Empty for real data.</param>
internal sealed record StoryScore(
    string Corpus, int Articles, int Rejected, int Events, int Stories, ClusterAgreement Agreement,
    IReadOnlyList<(SyntheticKind Kind, int Articles, double Joined)> JoinedBySource);

/// <summary>
/// Ingests a corpus whose events are known into a real SQLite store through the <see cref="Ingester"/> of
/// <c>kabar ingest</c>, in order, and scores the stories it makes against the events: a <see cref="SyntheticCorpus"/>
/// with independent reports (the same event, no shared text) and related events (shared names, another event), or
/// the WikiRef news-clustering set, whose topics come from its file names.
/// </summary>
internal static partial class StoryEvaluation
{
    /// <summary>Of the generated articles made from an earlier one, the share that are independent reports.</summary>
    public const double ReportShare = 0.3;

    /// <summary>Of the generated events, the share that are related to an earlier one: its names, within a week.</summary>
    public const double RelatedShare = 0.2;

    public static StoryScore Synthetic(int count, int seed, StoryMatcher matcher, string databasePath)
    {
        List<SyntheticArticle> corpus = [.. SyntheticCorpus.Create(count, seed, reportShare: ReportShare, relatedShare: RelatedShare)];
        (long[] stories, int rejected) = Ingest(databasePath, matcher, corpus.Select(a => (
            new ArticleSource($"synthetic:{a.Id}", Title: a.Title, Outlet: $"Outlet {a.Id % 40}",
                Published: a.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Encoding.UTF8.GetBytes(a.Text))));
        List<(SyntheticKind, int, double)> joined = [.. corpus.Where(a => a.Of is not null).GroupBy(a => a.Kind).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count(), (double)g.Count(a => stories[a.Id] == stories[a.Of!.Value]) / g.Count()))];
        return Score($"{count} generated articles (seed {seed})", [.. corpus.Select(a => a.Story)], stories, rejected, joined);
    }

    /// <summary>The WikiRef texts in <paramref name="directory"/> (WikiRef220, 186 or 150), undated, in file-name order.</summary>
    public static StoryScore WikiRef(string directory, StoryMatcher matcher, string databasePath)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"{directory}: no such folder");
        }

        string[] files = [.. Directory.EnumerateFiles(directory, "*.txt").Order(StringComparer.Ordinal)];
        if (files.Length == 0)
        {
            throw new FileNotFoundException($"{directory}: no .txt files (this is not a WikiRef folder)");
        }

        (long[] stories, int rejected) = Ingest(databasePath, matcher, files.Select(f => (new ArticleSource(f), File.ReadAllBytes(f))));
        return Score($"{Path.GetFileName(Path.TrimEndingDirectorySeparator(directory))} ({directory})", [.. files.Select(Topic)], stories, rejected, []);
    }

    /// <summary>A WikiRef file's topic: its name without the number ("premier.league.12.txt", "ParisAttacks2015 (3).txt").</summary>
    public static string Topic(string path) => Numbered().Replace(Path.GetFileNameWithoutExtension(path), "");

    [GeneratedRegex(@"(\.\d+| \(\d+\))$")]
    private static partial Regex Numbered();

    private static StoryScore Score<T>(string corpus, T[] events, long[] stories, int rejected, IReadOnlyList<(SyntheticKind, int, double)> joined)
        where T : notnull =>
        new(corpus, events.Length, rejected, events.Distinct().Count(), stories.Distinct().Count(), ClusterAgreement.Of(events, stories), joined);

    // The story of each input in order; a rejected input gets a story of its own (a negative id), as it was grouped with
    // nothing.
    private static (long[] Stories, int Rejected) Ingest(string databasePath, StoryMatcher matcher, IEnumerable<(ArticleSource Source, byte[] Raw)> inputs)
    {
        var stories = new List<long>();
        int rejected = 0;
        using SqliteArticleStore store = SqliteArticleStore.Open(databasePath);
        var ingester = new Ingester(NewsPipeline.Default, store, matcher);
        using SqliteArticleStore.Batch batch = store.BeginBatch();
        foreach ((ArticleSource source, byte[] raw) in inputs)
        {
            IngestResult result = ingester.Ingest(source, raw);
            rejected += result.Outcome == IngestOutcome.Rejected ? 1 : 0;
            stories.Add(result.Story ?? -1 - stories.Count);
        }

        batch.Commit();
        return ([.. stories], rejected);
    }
}
