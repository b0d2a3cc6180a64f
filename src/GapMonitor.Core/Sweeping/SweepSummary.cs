namespace GapMonitor.Core.Sweeping;

public sealed record SweepSummary(
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    int SystemsEvaluated,
    int AlertsOpened,
    int AlertsEscalated,
    int AlertsResolved,
    int Conflicts,
    int NotificationsDelivered,
    int NotificationsRetrying,
    int NotificationsFailed,
    int SystemsFailed);
