namespace GapMonitor.Api.Contracts;

public sealed record HeartbeatRequest(string? Status, string? Message, DateTimeOffset? At);
