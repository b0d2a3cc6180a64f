namespace GapMonitor.Drift.Performance;

/// <summary>The current rows judged against the reference (the CLI's JSON, <see cref="PerformanceJsonWriter"/>).</summary>
/// <param name="Reference">The reference.</param>
/// <param name="Current">The current rows' metrics.</param>
/// <param name="AlertMetrics">The metrics that raise alerts.</param>
/// <param name="Alerts">Alerting metrics outside their thresholds, realized before estimated.</param>
public sealed record PerformanceReport(
    PerformanceReference Reference,
    CurrentPerformance Current,
    IReadOnlyList<string> AlertMetrics,
    IReadOnlyList<PerformanceAlert> Alerts)
{
    /// <summary>The model's task.</summary>
    public PerformanceTask Task => Reference.Task;

    /// <summary>True when any alert is raised, realized or estimated.</summary>
    public bool Degraded => Alerts.Count > 0;
}
