namespace GapMonitor.Api.Contracts;

public sealed record MetricResponse(string Name, double Value, DateTimeOffset At, string? Feature);
