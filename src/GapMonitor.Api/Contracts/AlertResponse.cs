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
