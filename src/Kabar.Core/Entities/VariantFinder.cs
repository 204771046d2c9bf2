using Kabar.Alignment;
using Kabar.Text;

namespace Kabar.Entities;

/// <summary>
/// Groups the spellings of one name across two articles. Words are linked when an aligned sentence pair
/// substitutes one for the other ("Senat Orus" / "Senat Aurus") or when they differ by little ("Auras" /
/// "Aurus"); names are grouped when their letters are the same but for spaces and hyphens ("Kim Jong-un" /
/// "Kim Jong Un"), when their words are linked one by one, and when a single word is the unique first or last
/// word of a longer name ("Kim"). A single word that resembles a part of a longer name ("Yun" / "Yoon Suk Yeol")
/// is reported as a possible variant. Deterministic.
/// </summary>
public static class VariantFinder
{
    // A substitution inside aligned sentences needs only a loose likeness ("Orus" / "Aurus" is 0.6).
    private const double SubstitutionSimilarity = 0.5;

    // Without that context, spellings must be very close ("Auras" / "Aurus" is 0.8).
    private const double SpellingSimilarity = 0.75;
    private const int SpellingMinLength = 4;

    private const double PossibleSimilarity = 0.5;

    private const string SameLetters = "same letters, other spacing or hyphens";
    private const string Substituted = "substituted in aligned sentences";
    private const string SimilarSpelling = "similar spelling";
    private const string ShortForm = "short form of the full name";
    private const string ResemblesPart = "resembles part of the full name";

    /// <summary>The variant groups among <paramref name="mentions"/>, most mentioned first.</summary>
    public static List<VariantGroup> Find(string textA, string textB, IReadOnlyList<Mention> mentions, IReadOnlyList<SentenceAlignment> alignments)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(alignments);
        string[] texts = [textA, textB];
        WordLinks wordLinks = LinkWords(texts, mentions, alignments);
        mentions = SplitAtKnownNames(texts, mentions, wordLinks);

        List<string> forms = [.. mentions.Select(m => m.Text).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        string[][] words = [.. forms.Select(f => Words(f))];
        string[] letters = [.. forms.Select(Letters)];
        ILookup<string, Mention> mentionsOf = mentions.ToLookup(m => m.Text, StringComparer.Ordinal);
        var sets = new UnionFind(forms.Count);
        var similarForms = new List<(int, int)>();
        var evidence = new Dictionary<int, SortedSet<string>>();
        void Join(int x, int y, string why)
        {
            sets.Union(x, y);
            foreach (int k in (ReadOnlySpan<int>)[x, y])
            {
                if (!evidence.TryGetValue(k, out SortedSet<string>? set))
                {
                    evidence[k] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(why);
            }
        }

        for (int x = 0; x < forms.Count; x++)
        {
            for (int y = x + 1; y < forms.Count; y++)
            {
                if (letters[x] == letters[y])
                {
                    Join(x, y, SameLetters);
                }
                else if (words[x].Length == words[y].Length && WordsLinked(words[x], words[y], wordLinks) is { } why)
                {
                    if (why == Substituted)
                    {
                        Join(x, y, why);
                    }
                    else
                    {
                        similarForms.Add((x, y));
                    }
                }
            }
        }

        // Group kinds are fixed before short forms join, so a short form cannot make a group a person.
        HashSet<int> personRoots = [.. Enumerable.Range(0, forms.Count).GroupBy(sets.Find)
            .Where(g => Kind(g.SelectMany(f => mentionsOf[forms[f]])) == EntityKind.Person).Select(g => g.Key)];
        bool IsPerson(int form) => personRoots.Contains(sets.Find(form));

        var aliases = new HashSet<int>();
        var possible = new List<(int Single, int Full, string Why)>();
        for (int x = 0; x < forms.Count; x++)
        {
            if (words[x].Length != 1 || mentionsOf[forms[x]].Any(m => m.Kind == EntityKind.Place))
            {
                continue;
            }

            // Only people are called by one of their names ("Kim"); "Aurus" is not a short form of "Senat Aurus".
            string key = words[x][0].ToLowerInvariant();
            List<int> parents = [.. Enumerable.Range(0, forms.Count)
                .Where(y => words[y].Length > 1 && (Key(words[y][0]) == key || Key(words[y][^1]) == key) && IsPerson(y))
                .Select(sets.Find).Distinct()];
            if (parents.Count == 1)
            {
                Join(x, parents[0], ShortForm);
                aliases.Add(x);
                continue;
            }

            if (parents.Count == 0 && Enumerable.Range(0, forms.Count).All(y => y == x || sets.Find(y) != sets.Find(x)))
            {
                int full = Enumerable.Range(0, forms.Count).FirstOrDefault(y => words[y].Length > 1 && IsPerson(y)
                    && char.ToLowerInvariant(words[y][0][0]) == key[0] && key.Length >= 3
                    && (EditDistance.Similarity(words[y][0], key) >= PossibleSimilarity || EditDistance.Similarity(words[y][^1], key) >= PossibleSimilarity), -1);
                if (full >= 0)
                {
                    possible.Add((x, full, ResemblesPart));
                }
            }
        }

        var groups = new List<VariantGroup>();
        foreach (IGrouping<int, int> group in Enumerable.Range(0, forms.Count).GroupBy(sets.Find))
        {
            List<int> members = [.. group];
            // "REUTERS" beside "Reuters" is a matter of style, not spelling.
            int spellings = members.Where(m => !aliases.Contains(m)).Select(m => forms[m]).Distinct(StringComparer.OrdinalIgnoreCase).Count();
            if (spellings >= 2)
            {
                SortedSet<string> why = new(members.SelectMany(m => evidence.GetValueOrDefault(m) ?? []), StringComparer.Ordinal);
                groups.Add(Build(members.Select(m => forms[m]), aliases.Select(a => forms[a]), mentions, VariantConfidence.Variant, why));
            }
        }

        foreach ((int one, int other, string why) in possible.Concat(similarForms.Select(p => (p.Item1, p.Item2, SimilarSpelling))))
        {
            List<string> members = [.. Enumerable.Range(0, forms.Count).Where(y => sets.Find(y) == sets.Find(one) || sets.Find(y) == sets.Find(other)).Select(y => forms[y])];
            groups.Add(Build(members, [], mentions, VariantConfidence.Possible, [why]));
        }

        return [.. MergeSameSpellings(groups).OrderBy(g => g.Confidence).ThenByDescending(g => g.Forms.Sum(f => f.Count)).ThenBy(g => g.Name, StringComparer.Ordinal)];
    }

    // "Nordmar Shipping"/"Nordmaar Shipping" (trimmed to "Nordmar"/"Nordmaar") and a lone "Nordmar"/"Nordmaar" show the
    // same spellings: one group, with the counts added up.
    private static IEnumerable<VariantGroup> MergeSameSpellings(List<VariantGroup> groups) =>
        groups.GroupBy(g => (g.Confidence, string.Join('\n', g.Forms.Select(f => f.Text).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))))
            .Select(same => same.Count() == 1 ? same.First() : same.First() with
            {
                Evidence = [.. same.SelectMany(g => g.Evidence).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                Forms = [.. same.SelectMany(g => g.Forms).GroupBy(f => (f.Article, f.Text))
                    .Select(f => new VariantForm(f.Key.Text, f.Key.Article, f.Sum(x => x.Count), [.. f.SelectMany(x => x.Spans).OrderBy(x => x.Start)]))
                    .OrderBy(f => f.Article).ThenByDescending(f => f.Count).ThenBy(f => f.Text, StringComparer.Ordinal)],
            });

    // Links capitalised words of mentions. A substitution inside aligned sentence pairs is strong evidence and joins
    // the words' groups; a close spelling alone ("Hendra" / "Hendri") may be two people and is kept apart as weak.
    private static WordLinks LinkWords(string[] texts, IReadOnlyList<Mention> mentions, IReadOnlyList<SentenceAlignment> alignments)
    {
        var nameStarts = new HashSet<(int Article, int Start)>();
        foreach (Mention m in mentions)
        {
            foreach (Token t in m.Tokens)
            {
                nameStarts.Add((m.Article, t.Start));
            }
        }

        List<string> keys = [.. mentions.SelectMany(m => Words(m.Text)).Select(Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var position = keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
        var sets = new UnionFind(keys.Count);
        foreach (SentenceAlignment alignment in alignments)
        {
            foreach (DiffOp op in alignment.Diff.Where(o => o.Kind == DiffKind.Replaced))
            {
                foreach (string l in NamesIn(texts[0], alignment.A, op.A, 0, nameStarts))
                {
                    foreach (string r in NamesIn(texts[1], alignment.B, op.B, 1, nameStarts))
                    {
                        if (l != r && EditDistance.Similarity(l, r) >= SubstitutionSimilarity && position.ContainsKey(l) && position.ContainsKey(r))
                        {
                            sets.Union(position[l], position[r]);
                        }
                    }
                }
            }
        }

        var similar = new HashSet<(string, string)>();
        for (int x = 0; x < keys.Count; x++)
        {
            for (int y = x + 1; y < keys.Count; y++)
            {
                int longer = Math.Max(keys[x].Length, keys[y].Length);
                bool lengthsAllow = Math.Abs(keys[x].Length - keys[y].Length) <= longer * (1 - SpellingSimilarity);
                if (lengthsAllow && keys[x].Length >= SpellingMinLength && keys[y].Length >= SpellingMinLength
                    && sets.Find(x) != sets.Find(y) && EditDistance.Similarity(keys[x], keys[y]) >= SpellingSimilarity)
                {
                    similar.Add((keys[x], keys[y]));
                    similar.Add((keys[y], keys[x]));
                }
            }
        }

        return new WordLinks(keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => sets.Find(x.i), StringComparer.Ordinal), similar);
    }

    private sealed record WordLinks(Dictionary<string, int> Group, HashSet<(string, string)> Similar)
    {
        public bool Substituted(string a, string b) => Group.TryGetValue(a, out int ga) && Group.TryGetValue(b, out int gb) && ga == gb;
    }

    // "Nordmaar Elisabeth Karlsen": a run whose last two or more words are, word for word or by linked spellings,
    // a name written on its own elsewhere ("Elisabeth Kaarlsen") is two names.
    private static List<Mention> SplitAtKnownNames(string[] texts, IReadOnlyList<Mention> mentions, WordLinks links)
    {
        string Canonical(Mention m, Token t)
        {
            string key = Key(texts[m.Article][t.Start..t.End]);
            return links.Group.TryGetValue(key, out int group) ? "#" + group.ToString(System.Globalization.CultureInfo.InvariantCulture) : key;
        }

        string Sequence(Mention m, int from) => string.Join(' ', m.Tokens.Skip(from).Select(t => Canonical(m, t)));
        HashSet<string> known = new(mentions.Where(m => m.Tokens.Count >= 2).Select(m => Sequence(m, 0)), StringComparer.Ordinal);

        var result = new List<Mention>(mentions.Count);
        foreach (Mention m in mentions)
        {
            int cut = Enumerable.Range(1, Math.Max(0, m.Tokens.Count - 2)).FirstOrDefault(from => known.Contains(Sequence(m, from)));
            if (cut == 0)
            {
                result.Add(m);
                continue;
            }

            string text = texts[m.Article];
            var head = new TextSpan(m.Tokens[0].Start, m.Tokens[cut - 1].End);
            var tail = new TextSpan(m.Tokens[cut].Start, m.Tokens[^1].End);
            result.Add(new Mention(m.Article, head, head.Of(text), [.. m.Tokens.Take(cut)], EntityKind.Unknown));
            result.Add(new Mention(m.Article, tail, tail.Of(text), [.. m.Tokens.Skip(cut)], m.Kind));
        }

        return result;
    }

    private static List<string> NamesIn(string text, SentenceProfile sentence, TextSpan span, int article, HashSet<(int, int)> nameStarts) =>
        [.. sentence.Words.Where(w => span.Contains(w.Span) && nameStarts.Contains((article, w.Start))).Select(w => Key(text[w.Start..w.End]))];

    // Same-length names whose words differ only by linked spellings: Substituted when every difference is a
    // substitution, SimilarSpelling when some difference is only a close spelling, null when a word differs otherwise.
    private static string? WordsLinked(string[] x, string[] y, WordLinks links)
    {
        string? why = null;
        for (int k = 0; k < x.Length; k++)
        {
            string a = Key(x[k]), b = Key(y[k]);
            if (a == b)
            {
                continue;
            }

            if (links.Substituted(a, b))
            {
                why ??= Substituted;
            }
            else if (links.Similar.Contains((a, b)))
            {
                why = SimilarSpelling;
            }
            else
            {
                return null;
            }
        }

        return why;
    }

    private static VariantGroup Build(IEnumerable<string> members, IEnumerable<string> aliases, IReadOnlyList<Mention> mentions, VariantConfidence confidence, IEnumerable<string> evidence)
    {
        HashSet<string> memberSet = new(members, StringComparer.Ordinal);
        HashSet<string> aliasSet = new(aliases, StringComparer.Ordinal);
        List<Mention> of = [.. mentions.Where(m => memberSet.Contains(m.Text))];

        // "Rolls Royce Phantom" / "Rolls-Royce Phantom": a last word every full spelling shares is not part of the variance.
        List<string[]> full = [.. memberSet.Where(m => !aliasSet.Contains(m)).Select(Words)];
        int trim = 0;
        while (full.Count > 1 && full.All(w => w.Length - trim >= 2) && full.Select(w => w[^(trim + 1)]).Distinct(StringComparer.Ordinal).Count() == 1)
        {
            trim++;
        }

        List<VariantForm> forms = [.. of
            .Select(m => (Mention: m, Span: Trimmed(m, aliasSet.Contains(m.Text) ? 0 : trim)))
            .GroupBy(x => (x.Mention.Article, Text: x.Mention.Text[..(x.Span.End - x.Mention.Span.Start)]))
            .Select(g => new VariantForm(g.Key.Text, g.Key.Article, g.Count(), [.. g.Select(x => x.Span)]))
            .OrderBy(f => f.Article).ThenByDescending(f => f.Count).ThenBy(f => f.Text, StringComparer.Ordinal)];
        string name = forms.GroupBy(f => f.Text, StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(f => f.Count)).ThenByDescending(g => g.Key.Length).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        return new VariantGroup(name, Kind(of), confidence, [.. evidence], forms);
    }

    // The most frequent kind the contexts suggest, Unknown when none does.
    private static EntityKind Kind(IEnumerable<Mention> mentions) =>
        mentions.Where(m => m.Kind != EntityKind.Unknown).GroupBy(m => m.Kind)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstOrDefault();

    // The mention without its last `trim` words, counted as Words counts them: a connector ("der" in "Öffnung der
    // Grenzen", "bin") is a word there but no token of the mention.
    private static TextSpan Trimmed(Mention m, int trim)
    {
        ReadOnlySpan<char> kept = m.Text;
        for (int k = 0; k < trim; k++)
        {
            kept = kept.TrimEnd(' ');
            kept = kept[..(kept.LastIndexOf(' ') + 1)];
        }

        return new TextSpan(m.Span.Start, m.Span.Start + kept.TrimEnd(' ').Length);
    }

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string Key(string word) => word.ToLowerInvariant();

    private static string Letters(string text) => string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
