namespace GapMonitor.Drift.Performance;

/// <summary>The band a metric should stay in; a null side is not checked.</summary>
/// <param name="Lower">Values below it are outside.</param>
/// <param name="Upper">Values above it are outside.</param>
public sealed record MetricThreshold(double? Lower, double? Upper)
{
    /// <summary>Whether <paramref name="value"/> lies outside the band.</summary>
    /// <param name="value">A metric value.</param>
    public bool IsOutside(double value) => value < Lower || value > Upper;
}
