namespace GapMonitor.Api.Contracts;

public sealed record MetricsAccepted(string SystemId, string BatchId, int Metrics);
