using System.Globalization;
using Kabar.Evaluation;
using Kabar.Ingest;
using Kabar.Pipeline;
using Kabar.Stories;

namespace Kabar.Cli.Evaluation;

/// <summary>One pair of SemEval-2022 Task 8: two articles and the gold Overall score (1 = same story … 4 = unrelated).</summary>
internal sealed record SemEvalPair(string Id, string Languages, string Text1, string Text2, double Overall);

/// <summary>Pearson of Kabar's score against the gold, for all pairs or one language pair.</summary>
internal sealed record SimilarityScore(string Languages, int Pairs, double Pearson);

/// <summary>
/// Scores SemEval-2022 Task 8 pairs with <see cref="StoryMatcher.Similarity"/>. The task asks for the Overall score on
/// its 1–4 scale, where 1 is most similar, so Kabar's similarity s (0–1) is reported as 4 − 3s; Pearson is unchanged
/// by that rescaling except for its sign. Inverse document frequencies come from the evaluated texts themselves, as
/// they would from a store's articles.
/// </summary>
internal static class SimilarityEvaluation
{
    private static readonly string[] s_columns = ["pair_id", "lang1", "lang2", "text1", "text2", "Overall"];

    /// <summary>The pairs of a SemEval CSV file, and one message per row that could not be used.</summary>
    /// <exception cref="FormatException">The file is not CSV, or lacks a needed column.</exception>
    public static (List<SemEvalPair> Pairs, List<string> Problems) Load(TextReader reader)
    {
        var pairs = new List<SemEvalPair>();
        var problems = new List<string>();
        int[]? at = null;
        foreach ((int line, string[] fields) in CsvReader.Read(reader))
        {
            if (at is null)
            {
                at = [.. s_columns.Select(c => Array.IndexOf(fields, c))];
                if (Array.IndexOf(at, -1) is int missing and >= 0)
                {
                    throw new FormatException($"line 1: no column '{s_columns[missing]}' (this is not a SemEval-2022 Task 8 file)");
                }

                continue;
            }

            if (fields.Length <= at.Max())
            {
                problems.Add($"line {line}: {fields.Length} fields, expected at least {at.Max() + 1}");
            }
            else if (!double.TryParse(fields[at[5]], NumberStyles.Float, CultureInfo.InvariantCulture, out double overall))
            {
                problems.Add($"line {line}: Overall '{fields[at[5]]}' is not a number");
            }
            else
            {
                pairs.Add(new SemEvalPair(fields[at[0]], fields[at[1]] + "-" + fields[at[2]], fields[at[3]], fields[at[4]], overall));
            }
        }

        return at is null ? throw new FormatException("the file is empty") : (pairs, problems);
    }

    /// <summary>Pearson overall and per language pair (most pairs first), and how many pairs had a text Kabar rejected.</summary>
    public static (List<SimilarityScore> Scores, int Rejected) Run(IReadOnlyList<SemEvalPair> pairs, StoryMatcher matcher)
    {
        var features = new StoryFeatures?[pairs.Count * 2];
        Parallel.For(0, features.Length, i =>
        {
            SemEvalPair pair = pairs[i / 2];
            Result<Article> article = NewsPipeline.Default.Process(pair.Id, i % 2 == 0 ? pair.Text1 : pair.Text2);
            features[i] = article.IsSuccess ? StoryFeatures.Of(article.Value) : null;
        });

        var statistics = new CorpusStatistics();
        foreach (StoryFeatures? f in features)
        {
            if (f is not null)
            {
                statistics.Add(f, []);
            }
        }

        var scored = new List<(string Languages, double Predicted, double Gold)>();
        for (int p = 0; p < pairs.Count; p++)
        {
            if (features[2 * p] is { } a && features[(2 * p) + 1] is { } b)
            {
                scored.Add((pairs[p].Languages, 4 - (3 * StoryMatcher.Similarity(a, b, statistics)), pairs[p].Overall));
            }
        }

        SimilarityScore Score(string name, IReadOnlyList<(string Languages, double Predicted, double Gold)> subset) =>
            new(name, subset.Count, Pearson.Correlation([.. subset.Select(s => s.Predicted)], [.. subset.Select(s => s.Gold)]));

        List<SimilarityScore> scores = [Score("overall", scored)];
        scores.AddRange(scored.GroupBy(s => s.Languages).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Score(g.Key, [.. g])));
        return (scores, pairs.Count - scored.Count);
    }
}
