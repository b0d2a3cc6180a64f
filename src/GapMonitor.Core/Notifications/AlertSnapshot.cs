namespace GapMonitor.Core.Notifications;

public sealed record AlertSnapshot(
    string Id,
    string Kind,
    string State,
    string SystemId,
    DateTimeOffset OpenedAt,
    string Summary,
    DateTimeOffset? AcknowledgedAt = null,
    string? AcknowledgedBy = null,
    string? AcknowledgementNote = null,
    DateTimeOffset? EscalatedAt = null,
    DateTimeOffset? ResolvedAt = null,
    string? Resolution = null,
    string? Owner = null)
{
    /// <summary>A silence covers the alert (a resolution under a silence is recorded, not sent).</summary>
    public bool Silenced { get; init; }
}
