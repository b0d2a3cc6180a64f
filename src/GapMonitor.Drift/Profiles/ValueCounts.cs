namespace GapMonitor.Drift.Profiles;

/// <summary>Exact counts of distinct numbers while there are at most a fixed number of them; then it gives up.</summary>
internal sealed class ValueCounts
{
    private readonly Dictionary<double, long> _counts = [];

    /// <summary>Creates an empty counter for up to <paramref name="capacity"/> distinct values.</summary>
    public ValueCounts(int capacity) => Capacity = capacity;

    /// <summary>The most distinct values counted.</summary>
    public int Capacity { get; }

    /// <summary>True once more than <see cref="Capacity"/> distinct values were seen (counts are then dropped).</summary>
    public bool Overflowed { get; private set; }

    /// <summary>The counts (empty once overflowed).</summary>
    public IReadOnlyDictionary<double, long> Counts => _counts;

    /// <summary>Counts one value (−0 counts as 0).</summary>
    public void Add(double value, long count = 1)
    {
        if (Overflowed)
        {
            return;
        }

        value += 0.0;
        if (_counts.TryGetValue(value, out var existing))
        {
            _counts[value] = existing + count;
            return;
        }

        if (_counts.Count == Capacity)
        {
            Overflowed = true;
            _counts.Clear();
            return;
        }

        _counts[value] = count;
    }

    /// <summary>Adds the counts of <paramref name="other"/>.</summary>
    public void Merge(ValueCounts other)
    {
        if (other.Overflowed)
        {
            Overflowed = true;
            _counts.Clear();
            return;
        }

        foreach (var (value, count) in other._counts)
        {
            Add(value, count);
        }
    }

    internal void Restore(bool overflowed, IEnumerable<KeyValuePair<double, long>> values)
    {
        Overflowed = overflowed;
        foreach (var (value, count) in values)
        {
            _counts[value] = count;
        }
    }
}
