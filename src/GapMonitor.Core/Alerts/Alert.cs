using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Alerts;

/// <summary>An alert of one kind on one system. At most one is open (or acknowledged) per system and kind.</summary>
public sealed record Alert
{
    private readonly ValueList<string> _contacts = ValueList<string>.Empty;
    private readonly ValueList<string> _columns = ValueList<string>.Empty;
    private readonly ValueList<MetricBreach> _metrics = ValueList<MetricBreach>.Empty;

    public required string Id { get; init; }
    public required string SystemId { get; init; }
    public required string Kind { get; init; }
    public required AlertState State { get; init; }
    public required string Summary { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
    public required Party OwnerAtOpening { get; init; }
    public DateTimeOffset? EscalatedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public string? AcknowledgedBy { get; init; }
    public string? AcknowledgementNote { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public string? Resolution { get; init; }

    /// <summary>When anybody was last told about this alert (opened, escalated, reminded, reopened); reminders count from here.</summary>
    public DateTimeOffset? LastNotifiedAt { get; init; }

    /// <summary>When an expired acknowledgement returned the alert to open; escalation counts from here instead of <see cref="OpenedAt"/>.</summary>
    public DateTimeOffset? ReopenedAt { get; init; }

    /// <summary>Parties that have been told about this alert; the resolution goes to all of them.</summary>
    public IReadOnlyList<Party> NotifiedParties { get; init; } = [];

    /// <summary>A silence covered it when last evaluated: nobody is notified about it and its clocks stand still.</summary>
    public bool Silenced { get; init; }

    /// <summary>When the silence that covered it last ended; escalation, reminders and acknowledgement expiry count from here at the earliest.</summary>
    public DateTimeOffset? UnsilencedAt { get; init; }

    public string? ETag { get; init; }

    /// <summary>Of a <c>contact-unreachable</c> alert: the contacts it names (email address or webhook host).</summary>
    public IReadOnlyList<string> Contacts { get => _contacts; init => _contacts = new(value); }

    /// <summary>Of a <c>drift-detected</c> alert: the columns that drifted when it opened (input and model output columns).</summary>
    public IReadOnlyList<string> Columns { get => _columns; init => _columns = new(value); }

    /// <summary>Of a <c>performance-degraded</c> or <c>performance-at-risk</c> alert: the metrics outside their thresholds when it opened.</summary>
    public IReadOnlyList<MetricBreach> Metrics { get => _metrics; init => _metrics = new(value); }

    public bool IsActive => State is AlertState.Open or AlertState.Acknowledged;

    /// <summary>Alerts stored before reminders existed fall back to their escalation or opening.</summary>
    public DateTimeOffset LastNotification => LastNotifiedAt ?? EscalatedAt ?? OpenedAt;

    /// <summary>The escalation clock starts at the opening, or again at the latest reopening.</summary>
    public DateTimeOffset EscalationClockStart => ReopenedAt ?? OpenedAt;

    /// <summary>Escalation is due <see cref="MonitoredSystem.AcknowledgeWithin"/> after this: the clock's start, or the end of a silence after it.</summary>
    public DateTimeOffset EscalationDueFrom => UnsilencedAt is { } unsilenced && unsilenced > EscalationClockStart ? unsilenced : EscalationClockStart;

    /// <summary>Escalated since the escalation clock last started.</summary>
    public bool IsEscalated => EscalatedAt is { } escalated && escalated >= EscalationClockStart;
}
