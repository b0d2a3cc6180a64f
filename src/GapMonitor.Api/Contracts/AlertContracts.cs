namespace GapMonitor.Api.Contracts;

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
    IReadOnlyList<NotificationResponse>? Notifications = null);

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

public sealed record AttemptResponse(int Attempt, DateTimeOffset At, bool Succeeded, string? Error, double DurationMs);

public sealed record AlertList(IReadOnlyList<AlertResponse> Items);

public sealed record AcknowledgeRequest(string? By, string? Note);
