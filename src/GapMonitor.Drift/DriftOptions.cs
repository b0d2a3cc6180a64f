namespace GapMonitor.Drift;

/// <summary>Per-column overrides of the method and threshold, and the dataset drift rule.</summary>
public sealed record DriftOptions
{
    /// <summary>Column name → method to use instead of the default choice.</summary>
    public IReadOnlyDictionary<string, DriftMethod> Methods { get; init; } = new Dictionary<string, DriftMethod>();

    /// <summary>Column name → threshold to use instead of the method's default.</summary>
    public IReadOnlyDictionary<string, double> Thresholds { get; init; } = new Dictionary<string, double>();

    /// <summary>The dataset drifts when the share of drifted columns is at least this (0 to 1; default 0.5).</summary>
    public double DatasetDriftShare { get; init; } = 0.5;

    /// <summary>Columns computed at once: -1 for no limit, else at least 1 (default: the processor count).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
