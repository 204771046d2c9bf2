using Kabar.Dedup;

namespace Kabar.Core.Tests.Dedup;

public class FingerprintsTests
{
    private static string Words(int seed, int count)
    {
        var random = new Random(seed);
        return string.Join(' ', Enumerable.Range(0, count).Select(_ => "k" + random.Next(1_000_000)));
    }

    private static long[] Of(string words) => Fingerprints.Of(Shingles.InOrder(words));

    // The winnowing guarantee: a passage of GuaranteedWords words shared anywhere in two otherwise unrelated texts
    // gives them a fingerprint in common; a passage of a handful of words may not, and unrelated texts share none.
    [Fact]
    public void Of_TextsSharingAPassage_ShareAFingerprintWhereverItStands()
    {
        for (int trial = 0; trial < 200; trial++)
        {
            string passage = Words(trial, Fingerprints.GuaranteedWords);
            string a = $"{Words(1000 + trial, 17 + trial % 50)} {passage} {Words(2000 + trial, 300)}";
            string b = $"{Words(3000 + trial, trial % 7)} {passage} {Words(4000 + trial, 40)}";
            Assert.NotEmpty(Of(a).Intersect(Of(b)));
            Assert.Empty(Of(a).Intersect(Of(Words(5000 + trial, 400))));
        }
    }

    [Fact]
    public void Of_ChoosesAboutTwoInEveryWindowPlusOne()
    {
        double perShingle = Enumerable.Range(0, 20).Average(seed => (double)Of(Words(seed, 1000)).Length / 996);
        Assert.InRange(perShingle, 1.6 / (Fingerprints.Window + 1), 2.4 / (Fingerprints.Window + 1));
    }

    [Fact]
    public void Of_ShortOrEmptyText()
    {
        Assert.Empty(Fingerprints.Of([]));
        Assert.Equal([unchecked((long)3UL)], Fingerprints.Of([9, 3, 7]));
        Assert.Equal(Of("a b c d e f g"), Of("a b c d e f g"));
    }

    // Pins the storage format with Shingles: the window and the minimum of every window must not change silently.
    // (37i + 11) mod 53 for i < 40: the nine windows of 32 have minima 0, 0, 0, 0, 0, 3, 2, 2, 2.
    [Fact]
    public void Of_ReferenceVector()
    {
        ulong[] sequence = [.. Enumerable.Range(0, 40).Select(i => (ulong)((i * 37 + 11) % 53))];
        Assert.Equal([0L, 2L, 3L], Fingerprints.Of(sequence));
        // Three shingles (ShinglesTests.Of_ReferenceVector), fewer than a window: the smallest.
        Assert.Equal([1594184454848237124L], Fingerprints.Of(Shingles.InOrder("satu dua tiga empat lima enam tujuh")));
    }
}
