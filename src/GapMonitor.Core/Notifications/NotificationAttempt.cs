namespace GapMonitor.Core.Notifications;

/// <summary>The record of one delivery attempt, kept for the alert's notification history.</summary>
public sealed record NotificationAttempt(
    string NotificationId,
    int Attempt,
    DateTimeOffset At,
    bool Succeeded,
    string? Error,
    TimeSpan Duration);
