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

    /// <summary>Of a <c>contact-unreachable</c> alert: the contact that cannot be reached (email address or webhook host), the first of <see cref="Contacts"/>.</summary>
    public string? Contact { get; init; }

    /// <summary>Of a <c>contact-unreachable</c> alert: every contact that cannot be reached.</summary>
    public IReadOnlyList<string>? Contacts { get; init; }

    /// <summary>Of a <c>drift-detected</c> alert: the columns that drifted when it opened.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>Of a performance alert: the metrics outside their thresholds when it opened.</summary>
    public IReadOnlyList<Systems.MetricBreach>? Metrics { get; init; }
}
