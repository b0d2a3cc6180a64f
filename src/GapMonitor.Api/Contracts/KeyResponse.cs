namespace GapMonitor.Api.Contracts;

/// <summary>A key as the admin lists it: who it is for and when it was used; never the key or its hash.</summary>
public sealed record KeyResponse(
    string Id,
    string Role,
    string? Vendor,
    string? Customer,
    string? Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt);
