using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Notifications;

/// <summary>
/// One message to one contact, written to the outbox together with the alert change that caused it
/// and delivered afterwards, at least once. <see cref="Body"/> is the webhook payload, fixed at creation.
/// </summary>
public sealed record Notification
{
    public required string Id { get; init; }
    public required string SystemId { get; init; }
    /// <summary>The alert it is about; null for notices about the system (handover, silences, contact tests).</summary>
    public string? AlertId { get; init; }
    public required string Type { get; init; }
    public required Party Party { get; init; }
    public required NotificationChannel Channel { get; init; }

    /// <summary>Email address or webhook URL.</summary>
    public required string Target { get; init; }

    public required string Body { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public NotificationState State { get; init; } = NotificationState.Pending;
    public int Attempts { get; init; }
    public DateTimeOffset NextAttemptAt { get; init; }
    public DateTimeOffset? LeasedUntil { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public string? LastError { get; init; }
    public string? ETag { get; init; }
}
