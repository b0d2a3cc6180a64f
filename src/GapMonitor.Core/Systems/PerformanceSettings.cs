using System.Text.Json.Serialization;
using GapMonitor.Drift.Performance;

namespace GapMonitor.Core.Systems;

/// <summary>The model's task and output columns (the <c>performance</c> part of the system body): concept drift is watched through them.</summary>
public sealed record PerformanceSettings
{
    public const string DefaultCorrelationId = "correlationid";

    public static readonly TimeSpan DefaultLabelWait = TimeSpan.FromDays(30);

    private readonly ValueList<string> _metrics = ValueList<string>.Empty;
    private readonly ValueList<PerformanceThreshold> _thresholds = ValueList<PerformanceThreshold>.Empty;

    public required PerformanceTask Task { get; init; }

    /// <summary>The column with the predicted class (classification) or value (regression).</summary>
    public required string Prediction { get; init; }

    /// <summary>Binary: the column with the probability of class 1.</summary>
    public string? Probability { get; init; }

    /// <summary>Multiclass: probability columns are this prefix followed by the class label.</summary>
    public string? ProbabilityPrefix { get; init; }

    /// <summary>The column with the true value, in pushed rows, references and posted labels.</summary>
    public string? Target { get; init; }

    /// <summary>The column (or data-collector record member) joining inputs, outputs and late labels.</summary>
    public string CorrelationId { get; init; } = DefaultCorrelationId;

    /// <summary>Metrics that raise alerts; empty: the task's default (<see cref="PerformanceMetrics.DefaultAlerting"/>).</summary>
    public IReadOnlyList<string> Metrics { get => _metrics; init => _metrics = new(value); }

    public int ChunkRows { get; init; } = PerformanceOptions.DefaultChunkRows;

    /// <summary>Given thresholds; metrics without one use the thresholds derived from reference chunks.</summary>
    public IReadOnlyList<PerformanceThreshold> Thresholds { get => _thresholds; init => _thresholds = new(value); }

    /// <summary>How long after a window closed labels still update its realized metrics.</summary>
    public TimeSpan LabelWait { get; init; } = DefaultLabelWait;

    /// <summary>The metrics that raise alerts.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> AlertMetrics => Metrics.Count > 0 ? Metrics : [PerformanceMetrics.DefaultAlerting(Task)];

    /// <summary>
    /// Rows a window needs before its metrics raise or clear alerts (labeled rows for realized metrics): as many as a
    /// reference chunk, at most 100. The first few labels of a window would otherwise open an alert on noise.
    /// </summary>
    [JsonIgnore]
    public int MinimumRowsToJudge => Math.Min(ChunkRows, 100);

    /// <summary>The engine's options for these settings.</summary>
    public PerformanceOptions ToOptions() => new()
    {
        ChunkRows = ChunkRows,
        AlertMetrics = AlertMetrics,
        Thresholds = Thresholds.ToDictionary(t => t.Metric, t => new MetricThreshold(t.Lower, t.Upper), StringComparer.Ordinal),
    };
}
