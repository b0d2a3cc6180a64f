namespace GapMonitor.Api.Contracts;

public sealed record NotificationResponse(
    string Id,
    string Type,
    string Party,
    string Channel,
    string Target,
    string State,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    IReadOnlyList<AttemptResponse> AttemptLog);
