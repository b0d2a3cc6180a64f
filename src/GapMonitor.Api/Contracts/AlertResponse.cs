namespace GapMonitor.Api.Contracts;

/// <param name="LastNotifiedAt">When anybody was last told about the alert; the next reminder is due <c>alerting.remindEvery</c> later.</param>
/// <param name="ReopenedAt">When an expired acknowledgement last returned the alert to open.</param>
/// <param name="Silenced">A silence covers it: it opens and resolves, but nobody is notified until the silence ends.</param>
public sealed record AlertResponse(
    string Id,
    string Kind,
    string State,
    string SystemId,
    string Summary,
    DateTimeOffset OpenedAt,
    string OwnerAtOpening,
    IReadOnlyList<string> NotifiedParties,
    DateTimeOffset? EscalatedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    string? AcknowledgementNote,
    DateTimeOffset? ResolvedAt,
    string? Resolution,
    IReadOnlyList<NotificationResponse>? Notifications = null,
    DateTimeOffset? LastNotifiedAt = null,
    DateTimeOffset? ReopenedAt = null,
    bool Silenced = false)
{
    /// <summary>Of a <c>contact-unreachable</c> alert: the contact that cannot be reached (email address or webhook host).</summary>
    public string? Contact { get; init; }

    /// <summary>Of a <c>contact-unreachable</c> alert: every contact that cannot be reached.</summary>
    public IReadOnlyList<string>? Contacts { get; init; }

    /// <summary>Of a <c>drift-detected</c> alert: the columns that drifted when it opened (input and model output columns).</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>Of a performance alert: the metrics outside their thresholds when it opened.</summary>
    public IReadOnlyList<Core.Systems.MetricBreach>? Metrics { get; init; }
}
