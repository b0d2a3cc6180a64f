namespace GapMonitor.Api.Contracts;

/// <summary>The key is shown once, here; only its hash is stored.</summary>
public sealed record KeyCreatedResponse(string Id, string Key, string Role, string? Vendor, string? Customer, string? Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt = null);
