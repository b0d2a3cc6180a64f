namespace GapMonitor.Core.Systems;

/// <summary>A given threshold of one metric (the <c>performance.thresholds</c> member of the system body).</summary>
public sealed record PerformanceThreshold(string Metric, double? Lower, double? Upper);
