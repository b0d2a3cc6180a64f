namespace GapMonitor.Api.Contracts;

/// <param name="Email">"smtp", "pickup-directory" or "not-configured" (unhealthy: alerts by email reach nobody).</param>
/// <param name="Detail">What is wrong, when something is.</param>
public sealed record HealthResponse(string Status, string Storage, string Email, DateTimeOffset Time, string Version, string? Detail = null);
