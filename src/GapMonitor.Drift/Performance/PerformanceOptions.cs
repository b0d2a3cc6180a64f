namespace GapMonitor.Drift.Performance;

/// <summary>How thresholds are set and which metrics raise alerts.</summary>
public sealed record PerformanceOptions
{
    /// <summary>The default <see cref="ChunkRows"/>.</summary>
    public const int DefaultChunkRows = 500;

    /// <summary>Rows per reference chunk the thresholds are derived from (at least 1).</summary>
    public int ChunkRows { get; init; } = DefaultChunkRows;

    /// <summary>Metrics that raise alerts; empty: the task's <see cref="PerformanceMetrics.DefaultAlerting"/>.</summary>
    public IReadOnlyList<string> AlertMetrics { get; init; } = [];

    /// <summary>Given thresholds by metric; they replace the ones derived from the reference.</summary>
    public IReadOnlyDictionary<string, MetricThreshold> Thresholds { get; init; } = new Dictionary<string, MetricThreshold>();
}
