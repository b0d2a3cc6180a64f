namespace GapMonitor.Drift.Profiles;

/// <summary>
/// Category counts bounded to the top k (Misra–Gries summary, mergeable as in Agarwal et al. 2012): exact while
/// there are at most k categories; beyond that each kept count is under by at most n / (k + 1) and the rest of
/// the total is reported as <see cref="Other"/>.
/// </summary>
internal sealed class CategoryCounts
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <summary>Creates an empty summary keeping up to <paramref name="capacity"/> categories.</summary>
    public CategoryCounts(int capacity) => Capacity = capacity;

    /// <summary>The most categories kept.</summary>
    public int Capacity { get; }

    /// <summary>All values counted.</summary>
    public long Total { get; private set; }

    /// <summary>Kept categories and their (lower-bound) counts.</summary>
    public IReadOnlyDictionary<string, long> Counts => _counts;

    /// <summary>The part of <see cref="Total"/> not attributed to a kept category.</summary>
    public long Other => Total - _counts.Values.Sum();

    /// <summary>Counts one category.</summary>
    public void Add(string category, long count = 1)
    {
        Total += count;
        _counts[category] = _counts.TryGetValue(category, out var existing) ? existing + count : count;
        if (_counts.Count > Capacity)
        {
            Reduce();
        }
    }

    /// <summary>Adds the counts of <paramref name="other"/>.</summary>
    public void Merge(CategoryCounts other)
    {
        Total += other.Total;
        foreach (var (category, count) in other._counts)
        {
            _counts[category] = _counts.TryGetValue(category, out var existing) ? existing + count : count;
        }

        if (_counts.Count > Capacity)
        {
            Reduce();
        }
    }

    internal void Restore(long total, IEnumerable<KeyValuePair<string, long>> values)
    {
        Total = total;
        foreach (var (category, count) in values)
        {
            _counts[category] = count;
        }
    }

    /// <summary>Subtracts the (k+1)-th largest count from every count and drops those that reach zero.</summary>
    private void Reduce()
    {
        var cut = _counts.Values.OrderByDescending(c => c).ElementAt(Capacity);
        foreach (var category in _counts.Keys.ToList())
        {
            var reduced = _counts[category] - cut;
            if (reduced > 0)
            {
                _counts[category] = reduced;
            }
            else
            {
                _counts.Remove(category);
            }
        }
    }
}
