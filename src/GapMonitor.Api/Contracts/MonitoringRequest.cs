namespace GapMonitor.Api.Contracts;

public sealed record MonitoringRequest(string? HeartbeatPeriod, string? HeartbeatGrace);
