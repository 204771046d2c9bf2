using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kabar.Benchmarks;

/// <summary>
/// <c>sentences N FILE CONLL…</c>: writes N articles of about 400 words as JSONL, each made of real sentences drawn at
/// random (seed 2025) from token-per-line files such as the Indonesian news NER sets in <c>../shared/data/ner</c>. The
/// generated corpus of <see cref="CorpusFile"/> is made-up words that no language is detected in, so it leaves out
/// what real Indonesian costs: stemming, stopwords, names and the agency "Antara" that is also the everyday "antara".
/// The articles tell no story and are for timing preparation: each sentence stands in about a hundred of 20,000
/// articles, so an ingest of them finds the most duplicate candidates for every article, which real news does not.
/// Read at run time, never kept.
/// </summary>
public static class SentenceCorpusFile
{
    private const int Words = 400;

    public static int Run(string[] args)
    {
        if (args.Length < 3 || !int.TryParse(args[0], CultureInfo.InvariantCulture, out int count))
        {
            Console.Error.WriteLine("usage: sentences N FILE CONLL...");
            return 2;
        }

        List<string> sentences;
        try
        {
            sentences = [.. args[2..].SelectMany(Sentences).Where(s => s.Split(' ').Length >= 5)];
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"sentences: {e.Message}");
            return 2;
        }

        if (sentences.Count == 0)
        {
            Console.Error.WriteLine("sentences: no sentence of five words or more in the files given");
            return 2;
        }

        var random = new Random(2025);
        string[] outlets = ["Kompas", "Tempo", "Detik"];
        using var writer = new StreamWriter(args[1]);
        for (int i = 0; i < count; i++)
        {
            var body = new List<string>();
            for (int words = 0; words < Words;)
            {
                string sentence = sentences[random.Next(sentences.Count)];
                body.Add(sentence);
                words += sentence.Split(' ').Length;
            }

            string title = string.Join(' ', body[0].Split(' ').Take(10));
            writer.WriteLine(JsonSerializer.Serialize(new
            {
                id = $"id-{i}",
                title,
                text = title + "\n" + string.Join("\n", body.Chunk(3).Select(p => string.Join(' ', p))),
                outlet = outlets[i % outlets.Length],
                published = new DateOnly(2025, 1 + (i % 3), 1 + (i % 28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }));
        }

        Console.WriteLine($"{count} articles from {sentences.Count} sentences written to {args[1]}");
        return 0;
    }

    // One sentence per blank-line-separated block, its tokens the first field of each line (tab or space separated),
    // joined with spaces except before closing and after opening punctuation.
    private static IEnumerable<string> Sentences(string path)
    {
        var sentence = new StringBuilder();
        foreach (string line in File.ReadLines(path).Append(""))
        {
            if (line.Trim().Length == 0)
            {
                if (sentence.Length > 0)
                {
                    yield return sentence.ToString();
                    sentence.Clear();
                }

                continue;
            }

            string token = line.Split('\t', ' ')[0];
            bool glued = sentence.Length == 0 || token is "," or "." or ";" or ":" or "!" or "?" or "%" or ")"
                || sentence[^1] == '(';
            sentence.Append(glued ? "" : " ").Append(token);
        }
    }
}
