namespace Kabar.Web.Fetching;

/// <summary>
/// The rules of a robots.txt for one crawler: the group naming it, else the <c>*</c> group; the longest matching
/// Allow or Disallow prefix decides (Allow wins a tie); <c>*</c> inside a rule and <c>$</c> at its end are honoured.
/// </summary>
public sealed class RobotsRules
{
    private readonly List<(string Pattern, bool Allow)> _rules;

    private RobotsRules(List<(string, bool)> rules) => _rules = rules;

    public static RobotsRules AllowAll { get; } = new([]);

    public static RobotsRules Parse(string text, string agent)
    {
        ArgumentNullException.ThrowIfNull(text);
        var groups = new List<(List<string> Agents, List<(string, bool)> Rules)>();
        (List<string> Agents, List<(string, bool)> Rules)? current = null;
        bool lastWasAgent = false;
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Split('#')[0].Trim();
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            string key = line[..colon].Trim().ToLowerInvariant(), value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (current is null || !lastWasAgent)
                {
                    current = ([], []);
                    groups.Add(current.Value);
                }

                current.Value.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }

            lastWasAgent = false;
            if (current is { } group && key is "allow" or "disallow" && (value.Length > 0 || key == "allow"))
            {
                group.Rules.Add((value, key == "allow"));
            }
        }

        List<(string, bool)>? mine = groups.FirstOrDefault(g => g.Agents.Any(a => a != "*" && agent.Contains(a, StringComparison.OrdinalIgnoreCase))).Rules
            ?? groups.FirstOrDefault(g => g.Agents.Contains("*")).Rules;
        return new RobotsRules(mine ?? []);
    }

    /// <summary>Whether the path (with its query) may be fetched.</summary>
    public bool Allows(string pathAndQuery)
    {
        (string Pattern, bool Allow)? best = null;
        foreach ((string pattern, bool allow) in _rules)
        {
            if (Matches(pattern, pathAndQuery) && (best is null || pattern.Length > best.Value.Pattern.Length || (pattern.Length == best.Value.Pattern.Length && allow)))
            {
                best = (pattern, allow);
            }
        }

        return best?.Allow ?? true;
    }

    private static bool Matches(string pattern, string path)
    {
        bool anchored = pattern.EndsWith('$');
        string[] parts = (anchored ? pattern[..^1] : pattern).Split('*');
        int at = 0;
        for (int i = 0; i < parts.Length; i++)
        {
            int found = i == 0 ? (path.StartsWith(parts[0], StringComparison.Ordinal) ? 0 : -1) : path.IndexOf(parts[i], at, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            at = found + parts[i].Length;
        }

        return !anchored || at == path.Length || (parts.Length > 1 && path.EndsWith(parts[^1], StringComparison.Ordinal));
    }
}
