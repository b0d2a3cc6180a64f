namespace GapMonitor.Core.Systems;

/// <summary>A metric of a closed window outside its thresholds.</summary>
public sealed record MetricBreach(string Metric, double Value, double? Lower, double? Upper);
