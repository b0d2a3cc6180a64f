namespace GapMonitor.Core.Performance;

/// <summary>
/// The model outputs of one drift window kept for joining late labels: every row is counted, and a uniform sample of at
/// most <see cref="MaxKept"/> rows is kept (reservoir sampling, seeded per window so a replay keeps the same rows).
/// Metrics of a window with more rows are those of the sample; labels for rows outside it find nothing to join.
/// </summary>
public sealed class WindowPredictions
{
    public const int MaxKept = 20_000;

    /// <summary>Multiclass: the classes with probability columns seen so far, in the order they were first seen.</summary>
    public List<string> ProbabilityClasses { get; init; } = [];

    /// <summary>Rows with a model output seen in the window (kept or not).</summary>
    public long Rows { get; set; }

    /// <summary>The kept rows.</summary>
    public List<PredictionRecord> Kept { get; init; } = [];

    /// <summary>Seeds the reservoir's choices (<see cref="For"/>): the same rows in the same order keep the same sample.</summary>
    public ulong Seed { get; init; }

    public long LabeledKept => Kept.Count(r => r.Target is not null);

    /// <summary>An empty window sample seeded by the system and the window start.</summary>
    public static WindowPredictions For(string systemId, DateTimeOffset windowStart)
    {
        ArgumentNullException.ThrowIfNull(systemId);
        var hash = 14695981039346656037UL;
        foreach (var c in systemId)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return new WindowPredictions { Seed = Mix(hash ^ (ulong)windowStart.UtcTicks) };
    }

    /// <summary>
    /// Counts a row and keeps it with probability <see cref="MaxKept"/>/<see cref="Rows"/> (Algorithm R). The choice for
    /// the n-th row depends only on the seed and n, so replaying the same rows keeps the same ones.
    /// </summary>
    public void Add(PredictionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Rows++;
        if (Kept.Count < MaxKept)
        {
            Kept.Add(record);
            return;
        }

        var slot = Mix(Seed ^ Mix((ulong)Rows)) % (ulong)Rows;
        if (slot < MaxKept)
        {
            Kept[(int)slot] = record;
        }
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
