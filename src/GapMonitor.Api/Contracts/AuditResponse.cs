namespace GapMonitor.Api.Contracts;

public sealed record AuditResponse(string Id, DateTimeOffset At, string Actor, string Action, string? AlertId, string? Detail);
