namespace GapMonitor.Drift.Profiles;

/// <summary>
/// KLL quantile sketch (Karnin, Lang, Liberty 2016), after Liberty's reference implementation. Chosen over
/// t-digest because its guarantee is a uniform additive rank error — |F̂(x) − F(x)| ≤ ε for every x — which is
/// exactly what CDF-based drift needs: KS is a sup over CDF differences and Wasserstein an integral of them, so
/// their errors follow directly, while t-digest is accurate in the tails but gives no bound in the middle.
/// Memory is about 3k values plus a few per level (levels grow with log(n / k)).
/// </summary>
internal sealed class KllSketch
{
    private const double Shrink = 2.0 / 3.0;
    private readonly List<List<double>> _levels = [];
    private ulong _random;
    private int _maxSize;

    /// <summary>Creates an empty sketch with accuracy <paramref name="k"/>.</summary>
    public KllSketch(int k, ulong seed)
    {
        if (k < 8)
        {
            throw new ArgumentOutOfRangeException(nameof(k), "k must be at least 8.");
        }

        K = k;
        _random = seed;
        Grow();
    }

    /// <summary>The accuracy parameter.</summary>
    public int K { get; }

    /// <summary>Values summarised.</summary>
    public long Count { get; private set; }

    /// <summary>Values held (bounded).</summary>
    public int Retained { get; private set; }

    internal IReadOnlyList<IReadOnlyList<double>> Levels => _levels;

    internal ulong RandomState => _random;

    /// <summary>Adds one finite value.</summary>
    public void Add(double value)
    {
        _levels[0].Add(value);
        Count++;
        if (++Retained >= _maxSize)
        {
            Compress();
        }
    }

    /// <summary>Adds the content of <paramref name="other"/>; the result summarises both.</summary>
    public void Merge(KllSketch other)
    {
        while (_levels.Count < other._levels.Count)
        {
            Grow();
        }

        for (var h = 0; h < other._levels.Count; h++)
        {
            _levels[h].AddRange(other._levels[h]);
        }

        Count += other.Count;
        Retained = _levels.Sum(l => l.Count);
        while (Retained >= _maxSize)
        {
            Compress();
        }
    }

    /// <summary>The held values with their weights (2^level), sorted by value.</summary>
    public (double[] Values, long[] Weights) WeightedValues()
    {
        var values = new double[Retained];
        var weights = new long[Retained];
        var i = 0;
        for (var h = 0; h < _levels.Count; h++)
        {
            foreach (var v in _levels[h])
            {
                values[i] = v;
                weights[i++] = 1L << h;
            }
        }

        Array.Sort(values, weights);
        return (values, weights);
    }

    /// <summary>Estimated number of summarised values ≤ <paramref name="value"/> (or &lt; when not inclusive).</summary>
    public double Rank(double value, bool inclusive = true)
    {
        long rank = 0;
        for (var h = 0; h < _levels.Count; h++)
        {
            long below = 0;
            foreach (var v in _levels[h])
            {
                if (v < value || (inclusive && v == value))
                {
                    below++;
                }
            }

            rank += below << h;
        }

        return rank;
    }

    internal static KllSketch Restore(int k, ulong randomState, long count, IEnumerable<IEnumerable<double>> levels)
    {
        var sketch = new KllSketch(k, randomState);
        var stored = levels.Select(l => l.ToList()).ToList();
        while (sketch._levels.Count < stored.Count)
        {
            sketch.Grow();
        }

        for (var h = 0; h < stored.Count; h++)
        {
            sketch._levels[h].AddRange(stored[h]);
        }

        sketch.Count = count;
        sketch.Retained = sketch._levels.Sum(l => l.Count);
        return sketch;
    }

    private int Capacity(int level) => (int)Math.Ceiling(Math.Pow(Shrink, _levels.Count - level - 1) * K) + 1;

    private void Grow()
    {
        _levels.Add([]);
        _maxSize = Enumerable.Range(0, _levels.Count).Sum(Capacity);
    }

    private void Compress()
    {
        for (var h = 0; h < _levels.Count; h++)
        {
            if (_levels[h].Count < Capacity(h))
            {
                continue;
            }

            if (h + 1 >= _levels.Count)
            {
                Grow();
            }

            var level = _levels[h];
            level.Sort();
            // Keep every other value, starting at a random offset, one level up (each now weighs twice as much).
            var offset = (int)(SplitMix64.Next(ref _random) & 1);
            var pairs = level.Count / 2 * 2;
            var start = level.Count - pairs;
            var up = _levels[h + 1];
            for (var i = start + offset; i < level.Count; i += 2)
            {
                up.Add(level[i]);
            }

            level.RemoveRange(start, pairs);
            Retained = _levels.Sum(l => l.Count);
            return;
        }
    }
}
