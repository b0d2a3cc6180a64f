namespace GapMonitor.Core.Audit;

/// <summary>An append-only record of who did what to a system or alert.</summary>
public sealed record AuditEntry(
    string Id,
    string SystemId,
    DateTimeOffset At,
    string Actor,
    string Action,
    string? AlertId = null,
    string? Detail = null);
