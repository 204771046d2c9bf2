namespace Kabar.Text;

/// <summary>
/// Indonesian word families for search: the roots a word may be built on (by taking off particles, possessives,
/// suffixes and prefixes) and the prefixed forms of a root, with the sound changes of meN- and peN- (tulis → menulis,
/// penulis; pukul → memukul; sapu → menyapu; kirim → mengirim). Search expands a query word to its family instead of
/// stemming the index, so a wrong guess costs a little precision in one query, never a word the index can no longer
/// tell apart ("pemerintah" and "perintah" stay two words).
/// </summary>
public static class IndonesianAffixes
{
    // Roots shorter than this are not guessed: too many words would share them.
    private const int MinRoot = 4;

    private static readonly string[] s_particles = ["lah", "kah", "pun"];
    private static readonly string[] s_suffixes = ["kan", "an", "i"];

    // Prefixes that attach without a sound change, longest first so "diper" is tried before "di".
    private static readonly string[] s_plainPrefixes = ["memper", "diper", "ter", "ber", "per", "di", "ke", "se"];

    /// <summary>
    /// The word itself and the roots it may be built on, most certain first: "dilaporkannya" → dilaporkannya,
    /// dilaporkan, laporkan, lapor. Only guesses of at least four letters are given.
    /// </summary>
    /// <param name="word">A lower-case word.</param>
    public static IReadOnlyList<string> Roots(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var roots = new List<string> { word };
        foreach (string stem in WithoutSuffixes(word).Prepend(word))
        {
            Add(roots, stem);
            foreach (string root in WithoutPrefixes(stem))
            {
                Add(roots, root);
            }

            // Two prefixes: ke-/se-/di- before ber-/ter-/per- ("keberhasilan", "setertib", "dipertanyakan").
            if (stem.Length > 2 && stem[..2] is "ke" or "se" or "di")
            {
                foreach (string inner in new[] { "ber", "ter", "per" }.Where(p => stem.AsSpan(2).StartsWith(p) && stem.Length - 2 - p.Length >= MinRoot))
                {
                    Add(roots, stem[(2 + inner.Length)..]);
                }
            }
        }

        return roots;
    }

    /// <summary>The root and the forms prefixes make of it: lapor → lapor, dilapor, melapor, pelapor, terlapor, …</summary>
    /// <param name="root">A lower-case root.</param>
    public static IReadOnlyList<string> Forms(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var forms = new List<string> { root };
        foreach (string prefix in s_plainPrefixes)
        {
            Add(forms, (prefix == "ber" && root.StartsWith('r') ? "be" : prefix) + root);
        }

        Add(forms, Nasal("me", root));
        Add(forms, Nasal("pe", root));
        Add(forms, "pe" + root);
        return forms;
    }

    // meN- and peN-: the nasal takes the place of a voiceless first consonant (p, t, s, k) and is chosen by the sound
    // that follows.
    private static string Nasal(string basePrefix, string root)
    {
        if (root.Length == 0)
        {
            return basePrefix;
        }

        char first = root[0];
        return first switch
        {
            'p' when root.StartsWith("pr", StringComparison.Ordinal) => basePrefix + "m" + root, // produksi → memproduksi
            'p' when root.Length > 1 => basePrefix + "m" + root[1..],
            'b' or 'f' or 'v' => basePrefix + "m" + root,
            't' when root.StartsWith("tr", StringComparison.Ordinal) => basePrefix + "n" + root, // transfer → mentransfer
            't' when root.Length > 1 => basePrefix + "n" + root[1..],
            'd' or 'c' or 'j' or 'z' => basePrefix + "n" + root,
            's' when root.StartsWith("sy", StringComparison.Ordinal) => basePrefix + "n" + root, // syarat → mensyaratkan
            's' when root.Length > 1 => basePrefix + "ny" + root[1..],
            'k' when root.StartsWith("kh", StringComparison.Ordinal) => basePrefix + "ng" + root, // khawatir → mengkhawatirkan
            'k' when root.Length > 1 => basePrefix + "ng" + root[1..],
            'g' or 'h' or 'a' or 'e' or 'i' or 'o' or 'u' => basePrefix + "ng" + root,
            _ => basePrefix + root, // l, m, n, r, w, y, ny, ng: no nasal
        };
    }

    private static IEnumerable<string> WithoutSuffixes(string word)
    {
        string w = word;
        foreach (string particle in s_particles)
        {
            if (w.EndsWith(particle, StringComparison.Ordinal) && w.Length - particle.Length >= MinRoot + 1)
            {
                w = w[..^particle.Length];
                yield return w;
                break;
            }
        }

        if (w.EndsWith("nya", StringComparison.Ordinal) && w.Length - 3 >= MinRoot)
        {
            w = w[..^3];
            yield return w;
        }

        foreach (string suffix in s_suffixes)
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal) && w.Length - suffix.Length >= MinRoot)
            {
                yield return w[..^suffix.Length];
                break;
            }
        }
    }

    private static IEnumerable<string> WithoutPrefixes(string word)
    {
        foreach (string prefix in s_plainPrefixes)
        {
            if (word.StartsWith(prefix, StringComparison.Ordinal) && word.Length - prefix.Length >= MinRoot)
            {
                yield return word[prefix.Length..];
            }
        }

        if (word.StartsWith("be", StringComparison.Ordinal) && word.Length > 2 && word[2] == 'r' && word.Length - 2 >= MinRoot)
        {
            yield return word[2..]; // be- before r: "berencana" → "rencana"
        }

        foreach (string nasal in new[] { "me", "pe" })
        {
            if (!word.StartsWith(nasal, StringComparison.Ordinal))
            {
                continue;
            }

            string rest = word[2..];
            // The nasal tells which first sound the root had: m- stood for p- or came before b/f/v; n- for t- or before
            // d/c/j/z; ny- for s-; ng- for k- or before a vowel, g or h. A root may also begin with m, n or ny itself.
            char next = rest.Length > 1 ? rest[1] : ' ';
            IEnumerable<string> guesses = rest switch
            {
                _ when rest.StartsWith("ny", StringComparison.Ordinal) => ["s" + rest[2..], rest],
                _ when rest.StartsWith("ng", StringComparison.Ordinal) => [rest[2..], "k" + rest[2..]],
                _ when rest.StartsWith('m') => "bfv".Contains(next, StringComparison.Ordinal) ? [rest[1..]] : ["p" + rest[1..], rest],
                _ when rest.StartsWith('n') => "dcjz".Contains(next, StringComparison.Ordinal) ? [rest[1..]] : ["t" + rest[1..], rest],
                _ => [rest],
            };
            foreach (string guess in guesses.Where(g => g.Length >= MinRoot))
            {
                yield return guess;
            }
        }
    }

    private static void Add(List<string> list, string item)
    {
        if (item.Length > 0 && !list.Contains(item))
        {
            list.Add(item);
        }
    }
}
