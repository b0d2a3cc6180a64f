namespace GapMonitor.Core.Keys;

/// <summary>A stored API key: only its SHA-256 hash is kept.</summary>
public sealed record ApiKey(
    string Id,
    Role Role,
    string? Vendor,
    string? Customer,
    string? Name,
    string Hash,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt = null);
