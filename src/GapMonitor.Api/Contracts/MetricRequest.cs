namespace GapMonitor.Api.Contracts;

public sealed record MetricRequest(string? Name, double? Value, DateTimeOffset? At, string? Feature);
