namespace GapMonitor.Api.Contracts;

/// <summary>A metric outside its band.</summary>
public sealed record MetricBreachResponse(string Metric, double Value, double? Lower, double? Upper);
