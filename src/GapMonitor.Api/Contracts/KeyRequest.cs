namespace GapMonitor.Api.Contracts;

/// <param name="Vendor">For a vendor key its vendor; for a customer key, optionally the one vendor whose systems it sees (a vendor's own keys set it to that vendor).</param>
/// <param name="ExpiresAt">When the key stops working (in the future, within 10 years); null: never.</param>
public sealed record KeyRequest(string? Role, string? Vendor, string? Customer, string? Name, DateTimeOffset? ExpiresAt = null);
