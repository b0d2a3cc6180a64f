namespace GapMonitor.Api.Contracts;

public sealed record MetricsRequest(string? BatchId, IReadOnlyList<MetricRequest>? Metrics);
