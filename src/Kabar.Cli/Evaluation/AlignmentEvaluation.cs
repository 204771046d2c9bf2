using System.Collections.Concurrent;
using Kabar.Alignment;
using Kabar.Evaluation;

namespace Kabar.Cli.Evaluation;

/// <summary>PlagDet of one folder of the corpus, or of all of it.</summary>
internal sealed record FolderScore(string Folder, int Pairs, PlagDetScore Score);

/// <summary>Runs <see cref="PassageAligner"/> over every pair of a PAN corpus and scores it with <see cref="PlagDet"/>.</summary>
internal static class AlignmentEvaluation
{
    public static List<FolderScore> Run(PanCorpus corpus, PassageAligner aligner, Action<int>? progress = null)
    {
        var detections = new ConcurrentDictionary<string, List<ReuseCase>>(StringComparer.Ordinal);
        int done = 0;
        Parallel.ForEach(corpus.Pairs, pair =>
        {
            (DocumentProfile susp, DocumentProfile src) = aligner.Prepare(corpus.ReadSuspicious(pair), corpus.ReadSource(pair), Language.English);
            detections[pair.Folder + "/" + pair.Id] = [.. aligner.Align(susp, src).Select(p => new ReuseCase(pair.Id, p.A, p.B))];
            progress?.Invoke(Interlocked.Increment(ref done));
        });

        var scores = new List<FolderScore>();
        foreach (IGrouping<string, PanPair> folder in corpus.Pairs.GroupBy(p => p.Folder).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            scores.Add(Score(folder.Key, [.. folder], detections));
        }

        scores.Add(Score("overall", corpus.Pairs, detections));
        return scores;
    }

    private static FolderScore Score(string name, IReadOnlyList<PanPair> pairs, ConcurrentDictionary<string, List<ReuseCase>> detections)
    {
        // Pairs are keyed by folder as well: the same documents can appear in two folders with different gold.
        List<ReuseCase> cases = [.. pairs.SelectMany(p => p.Cases.Select(c => c with { Pair = p.Folder + "/" + p.Id }))];
        List<ReuseCase> found = [.. pairs.SelectMany(p => detections[p.Folder + "/" + p.Id].Select(d => d with { Pair = p.Folder + "/" + p.Id }))];
        return new FolderScore(name, pairs.Count, PlagDet.Score(cases, found));
    }
}
