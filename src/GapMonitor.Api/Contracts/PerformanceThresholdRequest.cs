namespace GapMonitor.Api.Contracts;

/// <summary>The band a metric should stay in; at least one side.</summary>
/// <param name="Lower">Values below it raise an alert.</param>
/// <param name="Upper">Values above it raise an alert.</param>
public sealed record PerformanceThresholdRequest(double? Lower, double? Upper);
