namespace GapMonitor.Drift.Performance;

/// <summary>A metric outside its thresholds.</summary>
/// <param name="Metric">The metric name.</param>
/// <param name="Source"><see cref="Realized"/> or <see cref="Estimated"/>.</param>
/// <param name="Value">Its value.</param>
/// <param name="Lower">The lower threshold, if any.</param>
/// <param name="Upper">The upper threshold, if any.</param>
public sealed record PerformanceAlert(string Metric, string Source, double Value, double? Lower, double? Upper)
{
    /// <summary>The source of a metric computed from labels.</summary>
    public const string Realized = "realized";

    /// <summary>The source of a metric estimated without labels.</summary>
    public const string Estimated = "estimated";
}
