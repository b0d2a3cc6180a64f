namespace GapMonitor.Api.Contracts;

public sealed record HeartbeatStatusResponse(string State, DateTimeOffset? LastAt, string? LastStatus, string? LastMessage, DateTimeOffset? LastOkAt, DateTimeOffset SilentAfter);
