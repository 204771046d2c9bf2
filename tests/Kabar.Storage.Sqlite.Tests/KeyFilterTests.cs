namespace Kabar.Storage.Sqlite.Tests;

public sealed class KeyFilterTests
{
    [Fact]
    public void MayContain_EveryKeyAdded_AndFewOthers_UntilFull()
    {
        KeyFilter filter = KeyFilter.For(50_000);
        var random = new Random(3);
        // Small consecutive numbers as well as random ones: keys are mixed before probing.
        long[] added = [.. Enumerable.Range(1, (int)filter.Capacity / 2).Select(i => (long)i), .. Enumerable.Range(0, (int)filter.Capacity / 2).Select(_ => random.NextInt64())];
        foreach (long key in added)
        {
            filter.Add(key);
        }

        Assert.All(added, key => Assert.True(filter.MayContain(key)));
        Assert.False(filter.IsFull);
        int others = 100_000, falsePositives = Enumerable.Range(0, others).Count(i => filter.MayContain(-1 - i) || filter.MayContain(random.NextInt64() | 1L << 62));
        Assert.InRange(falsePositives, 1, others * 2 / 100);

        filter.Add(random.NextInt64());
        Assert.True(filter.IsFull);
    }

    [Fact]
    public void FromBytes_AnswersAsTheFilterItWasWrittenFrom()
    {
        KeyFilter filter = KeyFilter.For(1000);
        var random = new Random(4);
        long[] keys = [.. Enumerable.Range(0, 1000).Select(_ => random.NextInt64())];
        foreach (long key in keys)
        {
            filter.Add(key);
        }

        byte[] bytes = filter.Bytes.ToArray();
        KeyFilter read = KeyFilter.FromBytes(bytes.Length, filter.Keys, filter.Checksum, span => bytes.CopyTo(span))!;
        long[] probes = [.. keys, .. Enumerable.Range(0, 50_000).Select(_ => random.NextInt64())];
        Assert.Equal(probes.Select(filter.MayContain), probes.Select(read.MayContain));
        Assert.Equal(filter.Keys, read.Keys);
        Assert.Null(KeyFilter.FromBytes(12, 1, filter.Checksum, _ => { }));
        Assert.Null(KeyFilter.FromBytes(0, 0, filter.Checksum, _ => { }));
        Assert.Null(KeyFilter.FromBytes(bytes.Length, -1, filter.Checksum, span => bytes.CopyTo(span)));
        Assert.Null(KeyFilter.FromBytes(bytes.Length, filter.Keys + 1, filter.Checksum, span => bytes.CopyTo(span)));

        // One bit changed: cleared, the filter would say a key it holds is in no row.
        bytes[bytes.Length / 2] ^= 0x10;
        Assert.Null(KeyFilter.FromBytes(bytes.Length, filter.Keys, filter.Checksum, span => bytes.CopyTo(span)));
    }
}
