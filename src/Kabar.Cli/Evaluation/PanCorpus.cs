using System.Globalization;
using System.Xml.Linq;
using Kabar.Evaluation;
using Kabar.Text;

namespace Kabar.Cli.Evaluation;

/// <summary>One suspicious/source pair of a PAN text-alignment corpus with its gold cases.</summary>
internal sealed record PanPair(string Folder, string Suspicious, string Source, IReadOnlyList<ReuseCase> Cases)
{
    public string Id => Suspicious + "|" + Source;
}

/// <summary>Reads the PAN text-alignment layout: <c>src/</c>, <c>susp/</c>, and one folder per obfuscation with <c>pairs</c> and gold XML.</summary>
internal sealed class PanCorpus
{
    private PanCorpus(string root, IReadOnlyList<PanPair> pairs)
    {
        Root = root;
        Pairs = pairs;
    }

    public string Root { get; }

    public IReadOnlyList<PanPair> Pairs { get; }

    /// <summary>Loads the corpus, or returns the one-line reason it cannot.</summary>
    public static (PanCorpus? Corpus, string? Error) Load(string root)
    {
        if (!Directory.Exists(root))
        {
            return (null, $"{root}: no such directory");
        }

        foreach (string required in new[] { "src", "susp" })
        {
            if (!Directory.Exists(Path.Combine(root, required)))
            {
                return (null, $"{root}: not a PAN text-alignment corpus (no {required}/ folder)");
            }
        }

        var pairs = new List<PanPair>();
        foreach (string folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            string list = Path.Combine(folder, "pairs");
            if (!File.Exists(list))
            {
                continue;
            }

            string name = Path.GetFileName(folder);
            int lineNumber = 0;
            foreach (string line in File.ReadLines(list))
            {
                lineNumber++;
                string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 0)
                {
                    continue;
                }

                if (parts.Length != 2)
                {
                    return (null, $"{list}:{lineNumber}: expected 'suspicious source', found '{line}'");
                }

                string xml = Path.Combine(folder, Path.GetFileNameWithoutExtension(parts[0]) + "-" + Path.GetFileNameWithoutExtension(parts[1]) + ".xml");
                (List<ReuseCase>? cases, string? error) = ReadCases(xml, parts[0] + "|" + parts[1]);
                if (error is not null)
                {
                    return (null, error);
                }

                pairs.Add(new PanPair(name, parts[0], parts[1], cases!));
            }
        }

        if (pairs.Count == 0)
        {
            return (null, $"{root}: no folder with a 'pairs' file");
        }

        return (new PanCorpus(root, pairs), null);
    }

    public string ReadSuspicious(PanPair pair) => File.ReadAllText(Path.Combine(Root, "susp", pair.Suspicious));

    public string ReadSource(PanPair pair) => File.ReadAllText(Path.Combine(Root, "src", pair.Source));

    private static (List<ReuseCase>?, string?) ReadCases(string xml, string pair)
    {
        if (!File.Exists(xml))
        {
            return ([], null); // a pair without gold XML has no cases
        }

        try
        {
            var cases = new List<ReuseCase>();
            foreach (XElement feature in XDocument.Load(xml).Descendants("feature"))
            {
                if ((string?)feature.Attribute("name") != "plagiarism")
                {
                    continue;
                }

                int Int(string attribute) => int.Parse((string?)feature.Attribute(attribute) ?? "0", CultureInfo.InvariantCulture);
                int thisOffset = Int("this_offset"), sourceOffset = Int("source_offset");
                cases.Add(new ReuseCase(pair,
                    new TextSpan(thisOffset, thisOffset + Int("this_length")),
                    new TextSpan(sourceOffset, sourceOffset + Int("source_length"))));
            }

            return (cases, null);
        }
        catch (Exception e) when (e is System.Xml.XmlException or FormatException or OverflowException)
        {
            return (null, $"{xml}: malformed gold XML: {e.Message}");
        }
    }
}
