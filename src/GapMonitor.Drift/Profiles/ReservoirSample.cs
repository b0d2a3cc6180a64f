namespace GapMonitor.Drift.Profiles;

/// <summary>
/// A uniform sample of bounded size: every value gets a pseudo-random priority and the sample keeps the values
/// with the smallest priorities (bottom-k). Merging keeps the smallest of both, which is again a uniform sample
/// of the union, and the same whatever the order of merges.
/// </summary>
internal sealed class ReservoirSample
{
    private readonly List<(ulong Priority, double Value)> _heap = [];
    private ulong _random;
    private double[]? _sorted;

    /// <summary>Creates an empty sample of at most <paramref name="capacity"/> values.</summary>
    public ReservoirSample(int capacity, ulong seed)
    {
        Capacity = capacity;
        _random = seed;
    }

    /// <summary>The most values kept.</summary>
    public int Capacity { get; }

    /// <summary>Values offered so far.</summary>
    public long Seen { get; private set; }

    /// <summary>The kept values, in no particular order.</summary>
    public IEnumerable<double> Values => _heap.Select(e => e.Value);

    internal IReadOnlyList<(ulong Priority, double Value)> Entries => _heap;

    /// <summary>
    /// The kept values in ascending order, sorted once and kept until the sample changes: a reference profile, read-only
    /// once loaded, is compared with many windows without sorting its samples again. Callers must not modify the array.
    /// </summary>
    internal double[] SortedValues()
    {
        if (_sorted is { } sorted)
        {
            return sorted;
        }

        var values = Values.ToArray();
        Statistics.DoubleSorter.Sort(values);
        _sorted = values;
        return values;
    }

    internal ulong RandomState => _random;

    /// <summary>Offers one value.</summary>
    public void Add(double value)
    {
        Seen++;
        Offer(SplitMix64.Next(ref _random), value);
    }

    /// <summary>Keeps the smallest-priority values of both samples.</summary>
    public void Merge(ReservoirSample other)
    {
        Seen += other.Seen;
        foreach (var (priority, value) in other._heap)
        {
            Offer(priority, value);
        }
    }

    internal void Restore(long seen, IEnumerable<(ulong Priority, double Value)> entries)
    {
        Seen = seen;
        foreach (var (priority, value) in entries)
        {
            Offer(priority, value);
        }
    }

    internal void RestoreRandom(ulong state) => _random = state;

    private static bool Above((ulong Priority, double Value) a, (ulong Priority, double Value) b) =>
        a.Priority > b.Priority || (a.Priority == b.Priority && a.Value > b.Value);

    private void Offer(ulong priority, double value)
    {
        var entry = (priority, value);
        if (_heap.Count < Capacity)
        {
            _sorted = null;
            _heap.Add(entry);
            SiftUp(_heap.Count - 1);
        }
        else if (Capacity > 0 && Above(_heap[0], entry))
        {
            _sorted = null;
            _heap[0] = entry;
            SiftDown(0);
        }
    }

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Above(_heap[i], _heap[parent]))
            {
                return;
            }

            (_heap[i], _heap[parent]) = (_heap[parent], _heap[i]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            int left = (2 * i) + 1, right = left + 1, largest = i;
            if (left < _heap.Count && Above(_heap[left], _heap[largest]))
            {
                largest = left;
            }

            if (right < _heap.Count && Above(_heap[right], _heap[largest]))
            {
                largest = right;
            }

            if (largest == i)
            {
                return;
            }

            (_heap[i], _heap[largest]) = (_heap[largest], _heap[i]);
            i = largest;
        }
    }
}
