using Kabar.Dedup;

namespace Kabar.Core.Tests.Dedup;

public class ShinglesTests
{
    [Fact]
    public void Of_SevenWords_GivesThreeFiveWordShingles() =>
        Assert.Equal(3, Shingles.Of("satu dua tiga empat lima enam tujuh").Length);

    [Fact]
    public void Of_ShortText_GivesOneShingle() => Assert.Single(Shingles.Of("dua kata"));

    [Fact]
    public void Of_Empty_GivesNone() => Assert.Empty(Shingles.Of(""));

    [Fact]
    public void Of_RepeatedShingles_AreCountedOnceAndSorted()
    {
        ulong[] set = Shingles.Of("a b c d e a b c d e a b c d e");
        Assert.Equal(5, set.Length);
        Assert.Equal(set.Order(), set);
    }

    [Fact]
    public void InOrder_KeepsTextOrderAndRepeats_AndItsSetIsOf()
    {
        ulong[] sequence = Shingles.InOrder("a b c d e a b c d e");
        Assert.Equal(6, sequence.Length);
        Assert.Equal(sequence[0], sequence[5]);
        Assert.Equal(Shingles.Of("a b c d e a b c d e"), Shingles.Set(sequence));
        Assert.Equal(Shingles.Of("dua kata"), Shingles.InOrder("dua kata"));
    }

    // Pins the storage format: shingle hashing must never change silently.
    [Fact]
    public void Of_ReferenceVector() =>
        Assert.Equal([1594184454848237124UL, 2575446312684987614UL, 17655250880792793636UL], Shingles.Of("satu dua tiga empat lima enam tujuh"));

    [Fact]
    public void JaccardAndContainment_OfAnArticleAndItsExtension()
    {
        ulong[] original = Shingles.Of("banjir merendam ribuan rumah di tujuh desa setelah sungai meluap pada senin dini hari");
        ulong[] extended = Shingles.Of("banjir merendam ribuan rumah di tujuh desa setelah sungai meluap pada senin dini hari dan warga mengungsi ke balai desa terdekat");
        Assert.Equal(1.0, Shingles.Containment(original, extended));
        Assert.Equal((double)original.Length / extended.Length, Shingles.Jaccard(original, extended), 12);
        Assert.Equal(1.0, Shingles.Jaccard(original, original));
        Assert.Equal(0.0, Shingles.Jaccard([], []));
    }

    // The commit and the duplicate evaluation count what two sets share once for both measures; either order of the
    // two gives the same, and an empty set contains nothing.
    [Theory]
    [InlineData(new ulong[] { 1, 2, 3, 4 }, new ulong[] { 3, 4, 5 })]
    [InlineData(new ulong[] { 1, 2 }, new ulong[] { 1, 2, 3, 4, 5, 6 })]
    [InlineData(new ulong[] { 7 }, new ulong[] { 8 })]
    [InlineData(new ulong[0], new ulong[] { 1 })]
    [InlineData(new ulong[0], new ulong[0])]
    public void Overlap_GivesTheJaccardAndTheLargerContainment(ulong[] a, ulong[] b)
    {
        (double Jaccard, double Containment) Measures(ShingleOverlap o) => (o.Jaccard, o.Containment);
        (double, double) expected = (Shingles.Jaccard(a, b), Math.Max(Shingles.Containment(a, b), Shingles.Containment(b, a)));
        Assert.Equal(expected, Measures(Shingles.Overlap(a, b)));
        Assert.Equal(expected, Measures(Shingles.Overlap(b, a)));
    }

    [Fact]
    public void Overlap_OfTwoSets_CountsWhatTheyShare()
    {
        ShingleOverlap overlap = Shingles.Overlap([1, 2, 3, 4], [3, 4, 5]);
        Assert.Equal(new ShingleOverlap(2, 4, 3), overlap);
        Assert.Equal((2.0 / 5, 2.0 / 3), (overlap.Jaccard, overlap.Containment));
    }
}
