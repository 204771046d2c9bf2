using Kabar.Text;

namespace Kabar.Cleaning;

/// <summary>The story lines of a text and the lines removed from it.</summary>
/// <param name="Lines">Spans of the lines kept as story, trimmed, in order.</param>
/// <param name="Removals">Every removed line with its reason, in order.</param>
public sealed record CleanedText(IReadOnlyList<TextSpan> Lines, IReadOnlyList<Removal> Removals);

/// <summary>
/// Removes boilerplate lines by rule. Works on whole lines only, so it never cuts a sentence of the story in
/// half; every removal is recorded with its reason and span. Immutable and thread-safe.
/// </summary>
public sealed class BoilerplateStripper(IReadOnlyList<BoilerplateRule> rules)
{
    /// <summary>A stripper with <see cref="BoilerplateRules.Default"/>.</summary>
    public static BoilerplateStripper Default { get; } = new(BoilerplateRules.Default);

    /// <summary>Splits <paramref name="text"/> into kept and removed lines.</summary>
    public CleanedText Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<TextSpan>();
        var removals = new List<Removal>();
        int start = 0;
        while (start <= text.Length)
        {
            int newline = text.IndexOf('\n', start);
            int end = newline < 0 ? text.Length : newline;
            TextSpan line = new TextSpan(start, end).Trim(text);
            if (line.Length > 0)
            {
                string content = line.Of(text);
                BoilerplateRule? rule = Match(content);
                if (rule is null)
                {
                    lines.Add(line);
                }
                else
                {
                    removals.Add(new Removal(line, content, rule.Reason, rule.Name));
                }
            }

            if (newline < 0)
            {
                break;
            }

            start = newline + 1;
        }

        return new CleanedText(lines, removals);
    }

    private BoilerplateRule? Match(string line)
    {
        foreach (BoilerplateRule rule in rules)
        {
            if (line.Length <= rule.MaxLength && rule.Pattern.IsMatch(line))
            {
                return rule;
            }
        }

        return null;
    }
}
