using Kabar.Alignment;
using static Kabar.Core.Tests.Alignment.AlignmentFixtures;

namespace Kabar.Core.Tests.Alignment;

public class WordDiffTests
{
    [Fact]
    public void Diff_Substitution_IsOneReplacementBetweenEqualRuns()
    {
        const string a = "Senat Orus adalah mobil resmi kepresidenan.";
        const string b = "Senat Aurus adalah mobil resmi kepresidenan.";
        List<DiffOp> ops = WordDiff.Diff(Profile(a).Sentences[0], Profile(b).Sentences[0]);
        Assert.Equal([DiffKind.Equal, DiffKind.Replaced, DiffKind.Equal], ops.Select(o => o.Kind));
        Assert.Equal("Orus", ops[1].A.Of(a));
        Assert.Equal("Aurus", ops[1].B.Of(b));
    }

    [Fact]
    public void Diff_InsertionAndDeletion_HaveEmptySpanOnTheOtherSide()
    {
        const string a = "Kim duduk di dalam mobil dan menikmatinya.";
        const string b = "Kim duduk di mobil dan tampak menikmatinya.";
        List<DiffOp> ops = WordDiff.Diff(Profile(a).Sentences[0], Profile(b).Sentences[0]);
        DiffOp deleted = ops.Single(o => o.Kind == DiffKind.Deleted);
        DiffOp inserted = ops.Single(o => o.Kind == DiffKind.Inserted);
        Assert.Equal("dalam", deleted.A.Of(a));
        Assert.Equal(0, deleted.B.Length);
        Assert.Equal("tampak", inserted.B.Of(b));
        Assert.Equal(0, inserted.A.Length);
    }

    [Fact]
    public void Diff_RandomPairs_EqualRunsSpellTheSameWordsAndCoverBothSentences()
    {
        var random = new Random(3);
        string[] vocabulary = ["satu", "dua", "tiga", "empat", "lima", "enam"];
        for (int n = 0; n < 200; n++)
        {
            string a = string.Join(' ', Enumerable.Range(0, random.Next(1, 12)).Select(_ => vocabulary[random.Next(6)])) + ".";
            string b = string.Join(' ', Enumerable.Range(0, random.Next(1, 12)).Select(_ => vocabulary[random.Next(6)])) + ".";
            SentenceProfile sa = Profile(a).Sentences[0], sb = Profile(b).Sentences[0];
            List<DiffOp> ops = WordDiff.Diff(sa, sb);
            foreach (DiffOp op in ops.Where(o => o.Kind == DiffKind.Equal))
            {
                Assert.Equal(op.A.Of(a), op.B.Of(b));
            }

            int wordsA = ops.Where(o => o.A.Length > 0).Sum(o => o.A.Of(a).Split(' ').Length);
            int wordsB = ops.Where(o => o.B.Length > 0).Sum(o => o.B.Of(b).Split(' ').Length);
            Assert.Equal(sa.Words.Length, wordsA);
            Assert.Equal(sb.Words.Length, wordsB);
            int equalWords = ops.Where(o => o.Kind == DiffKind.Equal).Sum(o => o.A.Of(a).Split(' ').Length);
            Assert.Equal(2.0 * equalWords / (wordsA + wordsB), WordDiff.Ratio(sa, sb), 12);
        }
    }
}
