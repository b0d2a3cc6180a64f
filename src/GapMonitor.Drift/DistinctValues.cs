namespace GapMonitor.Drift;

/// <summary>The distinct values of reference ∪ current with their counts on each side, up to a limit.</summary>
internal sealed class DistinctValues
{
    private DistinctValues(List<(double Value, long Reference, long Current)> values, bool exceeded)
    {
        Values = values;
        Exceeded = exceeded;
    }

    public List<(double Value, long Reference, long Current)> Values { get; }

    /// <summary>True when there are more than the limit (then <see cref="Values"/> is incomplete).</summary>
    public bool Exceeded { get; }

    public long[] ReferenceCounts() => Values.Select(v => v.Reference).ToArray();

    public long[] CurrentCounts() => Values.Select(v => v.Current).ToArray();

    /// <summary>Walks both ascending samples once, stopping after <paramref name="limit"/> + 1 distinct values.</summary>
    public static DistinctValues Count(ReadOnlySpan<double> reference, ReadOnlySpan<double> current, int limit)
    {
        var values = new List<(double, long, long)>();
        int i = 0, j = 0;
        while (i < reference.Length || j < current.Length)
        {
            if (values.Count == limit)
            {
                return new DistinctValues(values, exceeded: true);
            }

            var v = j >= current.Length || (i < reference.Length && reference[i] <= current[j]) ? reference[i] : current[j];
            int i0 = i, j0 = j;
            while (i < reference.Length && reference[i] == v)
            {
                i++;
            }

            while (j < current.Length && current[j] == v)
            {
                j++;
            }

            values.Add((v, i - i0, j - j0));
        }

        return new DistinctValues(values, exceeded: false);
    }
}
