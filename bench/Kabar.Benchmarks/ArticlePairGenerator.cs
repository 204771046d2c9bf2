using System.Text;
using Kabar.Text;

namespace Kabar.Benchmarks;

/// <summary>
/// Deterministic news-sized article pairs for benchmarks: sentences built from the vocabulary of the bundled
/// sample articles; the second article rewrites 60% of the first's sentences (reordered, one word in five
/// replaced) and adds its own.
/// </summary>
public static class ArticlePairGenerator
{
    public static (string A, string B) Create(int words, int seed = 42)
    {
        string[] vocabulary = Vocabulary();
        var random = new Random(seed);
        List<string[]> sentences = [];
        int count = 0;
        while (count < words)
        {
            string[] sentence = [.. Enumerable.Range(0, random.Next(12, 28)).Select(_ => vocabulary[random.Next(vocabulary.Length)])];
            sentences.Add(sentence);
            count += sentence.Length;
        }

        List<string[]> rewritten = [.. sentences
            .Where(_ => random.NextDouble() < 0.6)
            .Select(s => s.Select(w => random.NextDouble() < 0.2 ? vocabulary[random.Next(vocabulary.Length)] : w).ToArray())];
        while (rewritten.Count < sentences.Count)
        {
            rewritten.Add([.. Enumerable.Range(0, random.Next(12, 28)).Select(_ => vocabulary[random.Next(vocabulary.Length)])]);
        }

        List<string[]> shuffled = [.. rewritten.OrderBy(_ => random.Next())];
        return (Render(sentences), Render(shuffled));
    }

    private static string Render(List<string[]> sentences)
    {
        var sb = new StringBuilder();
        foreach (string[] s in sentences)
        {
            sb.Append(char.ToUpperInvariant(s[0][0])).Append(s[0].AsSpan(1));
            foreach (string w in s.Skip(1))
            {
                sb.Append(' ').Append(w);
            }

            sb.Append(".\n");
        }

        return sb.ToString();
    }

    private static string[] Vocabulary()
    {
        string samples = Path.Combine(FindRoot(), "samples", "articles");
        return [.. Directory.GetFiles(samples, "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => { string t = File.ReadAllText(f); return Tokenizer.Tokenize(t).Where(x => x.Kind == TokenKind.Word).Select(x => t[x.Start..x.End]); })
            .Distinct(StringComparer.Ordinal)];
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Kabar.slnx")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("run the benchmarks from inside the Kabar repository");
    }
}
