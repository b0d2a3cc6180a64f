namespace GapMonitor.Core.Drift.Profiles;

/// <summary>
/// KLL quantile sketch (Karnin, Lang, Liberty 2016), after Liberty's reference implementation. Chosen over
/// t-digest because its guarantee is a uniform additive rank error — |F̂(x) − F(x)| ≤ ε for every x — which is
/// exactly what CDF-based drift needs: KS is a sup over CDF differences and Wasserstein an integral of them, so
/// their errors follow directly, while t-digest is accurate in the tails but gives no bound in the middle.
/// Memory is about 3k values plus a few per level (levels grow with log(n / k)).
/// </summary>
public sealed class KllSketch
{
    private const double Shrink = 2.0 / 3.0;
    private readonly List<List<double>> levels = [];
    private ulong random;
    private int maxSize;

    /// <summary>Creates an empty sketch with accuracy <paramref name="k"/>.</summary>
    public KllSketch(int k, ulong seed)
    {
        if (k < 8)
        {
            throw new ArgumentOutOfRangeException(nameof(k), "k must be at least 8.");
        }

        K = k;
        random = seed;
        Grow();
    }

    /// <summary>The accuracy parameter.</summary>
    public int K { get; }

    /// <summary>Values summarised.</summary>
    public long Count { get; private set; }

    /// <summary>Values held (bounded).</summary>
    public int Retained { get; private set; }

    internal IReadOnlyList<IReadOnlyList<double>> Levels => levels;

    internal ulong RandomState => random;

    /// <summary>Adds one finite value.</summary>
    public void Add(double value)
    {
        levels[0].Add(value);
        Count++;
        if (++Retained >= maxSize)
        {
            Compress();
        }
    }

    /// <summary>Adds the content of <paramref name="other"/>; the result summarises both.</summary>
    public void Merge(KllSketch other)
    {
        while (levels.Count < other.levels.Count)
        {
            Grow();
        }

        for (var h = 0; h < other.levels.Count; h++)
        {
            levels[h].AddRange(other.levels[h]);
        }

        Count += other.Count;
        Retained = levels.Sum(l => l.Count);
        while (Retained >= maxSize)
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
        for (var h = 0; h < levels.Count; h++)
        {
            foreach (var v in levels[h])
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
        for (var h = 0; h < levels.Count; h++)
        {
            long below = 0;
            foreach (var v in levels[h])
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
        while (sketch.levels.Count < stored.Count)
        {
            sketch.Grow();
        }

        for (var h = 0; h < stored.Count; h++)
        {
            sketch.levels[h].AddRange(stored[h]);
        }

        sketch.Count = count;
        sketch.Retained = sketch.levels.Sum(l => l.Count);
        return sketch;
    }

    private int Capacity(int level) => (int)Math.Ceiling(Math.Pow(Shrink, levels.Count - level - 1) * K) + 1;

    private void Grow()
    {
        levels.Add([]);
        maxSize = Enumerable.Range(0, levels.Count).Sum(Capacity);
    }

    private void Compress()
    {
        for (var h = 0; h < levels.Count; h++)
        {
            if (levels[h].Count < Capacity(h))
            {
                continue;
            }

            if (h + 1 >= levels.Count)
            {
                Grow();
            }

            var level = levels[h];
            level.Sort();
            // Keep every other value, starting at a random offset, one level up (each now weighs twice as much).
            var offset = (int)(SplitMix64.Next(ref random) & 1);
            var pairs = level.Count / 2 * 2;
            var start = level.Count - pairs;
            var up = levels[h + 1];
            for (var i = start + offset; i < level.Count; i += 2)
            {
                up.Add(level[i]);
            }

            level.RemoveRange(start, pairs);
            Retained = levels.Sum(l => l.Count);
            return;
        }
    }
}
