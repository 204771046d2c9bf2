using System.Globalization;
using Kabar.Alignment;
using Kabar.Entities;
using Kabar.Metadata;
using Kabar.Text;

namespace Kabar.Discrepancies;

/// <summary>
/// Finds the names, numbers and dates that differ inside aligned sentence pairs. Names are compared inside
/// the word diff's replacements (a name replaced by another); numbers and dates are compared as values, so
/// "Rabu (19/06)" and "Rabu, 19 Juni 2024" agree while "19 Juni" and "20 Juni" do not.
/// </summary>
public static class DiscrepancyFinder
{
    /// <summary>The discrepancies of every aligned pair, in order of the first article.</summary>
    public static List<Discrepancy> Find(
        string textA, Language languageA, IReadOnlyList<DateMention> datesA,
        string textB, Language languageB, IReadOnlyList<DateMention> datesB,
        IReadOnlyList<SentenceAlignment> alignments)
    {
        ArgumentNullException.ThrowIfNull(alignments);
        var found = new List<Discrepancy>();
        foreach (SentenceAlignment pair in alignments)
        {
            List<DateMention> inA = [.. datesA.Where(d => pair.A.Span.Contains(d.Span) && d.Day is not null)];
            List<DateMention> inB = [.. datesB.Where(d => pair.B.Span.Contains(d.Span) && d.Day is not null)];
            Names(textA, textB, pair, found);
            Numbers(textA, languageA, inA, textB, languageB, inB, pair, found);
            Dates(textA, inA, textB, inB, pair, found);
        }

        return found;
    }

    private static void Names(string textA, string textB, SentenceAlignment pair, List<Discrepancy> found)
    {
        foreach (DiffOp op in pair.Diff.Where(o => o.Kind == DiffKind.Replaced))
        {
            List<Token> left = [.. Capitalised(textA, pair.A, op.A)];
            List<Token> right = [.. Capitalised(textB, pair.B, op.B)];
            foreach (Token l in left)
            {
                Token? match = right
                    .Where(r => EditDistance.Similarity(textA[l.Start..l.End], textB[r.Start..r.End]) >= 0.5)
                    .OrderByDescending(r => EditDistance.Similarity(textA[l.Start..l.End], textB[r.Start..r.End]))
                    .Cast<Token?>().FirstOrDefault();
                if (match is null && left.Count == 1 && right.Count == 1)
                {
                    match = right[0];
                }

                if (match is { } r)
                {
                    found.Add(new Discrepancy(DiscrepancyKind.Name, l.Span, l.Span.Of(textA), r.Span, r.Span.Of(textB), pair.A.Span, pair.B.Span));
                    right.Remove(r);
                }
            }
        }
    }

    private static IEnumerable<Token> Capitalised(string text, SentenceProfile sentence, TextSpan span) =>
        sentence.Words.Where(w => span.Contains(w.Span) && w.Kind == TokenKind.Word && char.IsUpper(text[w.Start]) && w.Start != sentence.Words[0].Start);

    private static void Numbers(string textA, Language languageA, List<DateMention> datesA, string textB, Language languageB, List<DateMention> datesB, SentenceAlignment pair, List<Discrepancy> found)
    {
        List<(Token Token, decimal Value)> left = NumbersIn(textA, languageA, pair.A, datesA);
        List<(Token Token, decimal Value)> right = NumbersIn(textB, languageB, pair.B, datesB);
        List<(Token Token, decimal Value)> onlyLeft = [.. left.Where(l => !right.Any(r => r.Value == l.Value))];
        List<(Token Token, decimal Value)> onlyRight = [.. right.Where(r => !left.Any(l => l.Value == r.Value))];
        for (int k = 0; k < Math.Min(onlyLeft.Count, onlyRight.Count); k++)
        {
            Token l = onlyLeft[k].Token, r = onlyRight[k].Token;
            found.Add(new Discrepancy(DiscrepancyKind.Number, l.Span, l.Span.Of(textA), r.Span, r.Span.Of(textB), pair.A.Span, pair.B.Span));
        }
    }

    private static List<(Token, decimal)> NumbersIn(string text, Language language, SentenceProfile sentence, List<DateMention> dates)
    {
        var numbers = new List<(Token, decimal)>();
        foreach (Token t in sentence.Words.Where(w => w.Kind == TokenKind.Number && !dates.Any(d => d.Span.Contains(w.Span))))
        {
            if (TryParse(text[t.Start..t.End], language, out decimal value))
            {
                numbers.Add((t, value));
            }
        }

        return numbers;
    }

    /// <summary>Reads a figure as its language writes it (<see cref="Figures.Canonical(string, Language)"/>).</summary>
    internal static bool TryParse(string number, Language language, out decimal value) =>
        decimal.TryParse(Figures.Canonical(number, language), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    private static void Dates(string textA, List<DateMention> inA, string textB, List<DateMention> inB, SentenceAlignment pair, List<Discrepancy> found)
    {
        List<DateMention> onlyA = [.. inA.Where(a => !inB.Any(b => b.Date == a.Date))];
        List<DateMention> onlyB = [.. inB.Where(b => !inA.Any(a => a.Date == b.Date))];
        for (int k = 0; k < Math.Min(onlyA.Count, onlyB.Count); k++)
        {
            found.Add(new Discrepancy(DiscrepancyKind.Date, onlyA[k].Span, onlyA[k].Text, onlyB[k].Span, onlyB[k].Text, pair.A.Span, pair.B.Span));
        }
    }
}
