namespace GapMonitor.Core.Keys;

/// <summary>
/// A stored API key: only its SHA-256 hash is kept. A customer key with a <see cref="Vendor"/> (one a vendor minted)
/// sees only that vendor's systems of its customer.
/// </summary>
public sealed record ApiKey(
    string Id,
    Role Role,
    string? Vendor,
    string? Customer,
    string? Name,
    string Hash,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt = null,
    DateTimeOffset? ExpiresAt = null,
    DateTimeOffset? LastUsedAt = null)
{
    /// <summary>How stale <see cref="LastUsedAt"/> may get before a use records it again: one write per key per interval at most.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(5);

    /// <summary>The longest a key may be made to last.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(3652);

    /// <summary>Whether the key authenticates at <paramref name="now"/>: neither revoked nor expired.</summary>
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);

    /// <summary>Whether a use at <paramref name="now"/> should be recorded (the last recorded one is older than <see cref="LastUsedResolution"/>).</summary>
    public bool ShouldRecordUseAt(DateTimeOffset now) => LastUsedAt is null || now - LastUsedAt >= LastUsedResolution;
}
