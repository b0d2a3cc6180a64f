namespace GapMonitor.Api.Contracts;

/// <param name="Email">"smtp", "pickup-directory" or "not-configured" (unhealthy: alerts by email reach nobody).</param>
/// <param name="Detail">What is wrong, when something is.</param>
/// <param name="PoisonQueueDepth">
/// Sweep shards that failed too often and wait in the poison queue (<c>{queue}-poison</c>) for an operator; null when the
/// host has no sweep queue or it could not be read.
/// </param>
public sealed record HealthResponse(string Status, string Storage, string Email, DateTimeOffset Time, string Version, string? Detail = null, long? PoisonQueueDepth = null);
