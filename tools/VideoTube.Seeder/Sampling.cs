namespace VideoTube.Seeder;

/// <summary>Draws ranks 0..n-1 with probability ∝ 1/(rank+1)^s: a few items get most of the attention.</summary>
public sealed class ZipfSampler
{
    private readonly double[] _cumulative;

    public ZipfSampler(int n, double exponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        _cumulative = new double[n];
        var sum = 0.0;
        for (var k = 0; k < n; k++)
        {
            sum += 1.0 / Math.Pow(k + 1, exponent);
            _cumulative[k] = sum;
        }
        for (var k = 0; k < n; k++)
            _cumulative[k] /= sum;
    }

    public int Sample(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return Math.Min(index >= 0 ? index : ~index, _cumulative.Length - 1);
    }
}

/// <summary>Deterministic ids and times, so one seed always produces the same database.</summary>
public static class SeedValues
{
    /// <summary>
    /// A version-7 UUID for the given time with seeded random bits. Rows are written in time order, so the primary
    /// keys arrive almost sorted, like ids minted by Guid.CreateVersion7 in production, and the B-tree appends.
    /// </summary>
    public static Guid Uuid7(DateTime timestamp, Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var ms = (ulong)new DateTimeOffset(timestamp, TimeSpan.Zero).ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
            bytes[i] = (byte)(ms >> (8 * (5 - i)));
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>A uniformly random instant in [from, to), at PostgreSQL's microsecond precision.</summary>
    public static DateTime Between(Random random, DateTime from, DateTime to)
    {
        if (to <= from)
            return from;
        var ticks = from.Ticks + (long)(random.NextDouble() * (to.Ticks - from.Ticks));
        return new DateTime(ticks - ticks % 10, DateTimeKind.Utc);
    }

    /// <summary>A random permutation: maps a popularity rank to an item, so popularity is not tied to age.</summary>
    public static int[] Permutation(int n, Random random)
    {
        var items = Enumerable.Range(0, n).ToArray();
        random.Shuffle(items);
        return items;
    }
}
