using System.Globalization;
using System.Text.Json;
using Kabar.Evaluation;

namespace Kabar.Benchmarks;

/// <summary><c>corpus N FILE [SEED]</c>: writes <see cref="SyntheticCorpus"/> articles as JSONL for <c>kabar ingest</c>.</summary>
public static class CorpusFile
{
    public static int Run(string[] args)
    {
        if (args.Length < 2 || !int.TryParse(args[0], CultureInfo.InvariantCulture, out int count))
        {
            Console.Error.WriteLine("usage: corpus N FILE [SEED]");
            return 2;
        }

        int seed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2025;
        using var writer = new StreamWriter(args[1]);
        foreach (SyntheticArticle a in SyntheticCorpus.Create(count, seed))
        {
            writer.WriteLine(JsonSerializer.Serialize(new
            {
                id = $"s{seed}-{a.Id}",
                title = a.Title,
                text = a.Text,
                outlet = $"Outlet {a.Id % 40}",
                published = a.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }));
        }

        return 0;
    }
}
