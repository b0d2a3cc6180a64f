namespace GapMonitor.Api.Contracts;

public sealed record SweepResponse(
    DateTimeOffset StartedAt,
    double DurationMs,
    int SystemsEvaluated,
    int AlertsOpened,
    int AlertsEscalated,
    int AlertsResolved,
    int Conflicts,
    int NotificationsDelivered,
    int NotificationsRetrying,
    int NotificationsFailed,
    int SystemsFailed);
