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

    public long LabeledKept => Kept.Count(r => r.Target is not null);
}
