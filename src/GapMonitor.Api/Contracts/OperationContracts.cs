namespace GapMonitor.Api.Contracts;

/// <param name="Email">"smtp", "pickup-directory" or "not-configured" (unhealthy: alerts by email reach nobody).</param>
/// <param name="Detail">What is wrong, when something is.</param>
public sealed record HealthResponse(string Status, string Storage, string Email, DateTimeOffset Time, string Version, string? Detail = null);

public sealed record KeyRequest(string? Role, string? Vendor, string? Customer, string? Name);

/// <summary>The key is shown once, here; only its hash is stored.</summary>
public sealed record KeyCreatedResponse(string Id, string Key, string Role, string? Vendor, string? Customer, string? Name, DateTimeOffset CreatedAt);

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
