namespace GapMonitor.Core.Ports;

/// <param name="RetryAfter">Set when the receiver asked for a delay (HTTP Retry-After).</param>
/// <param name="Permanent">The target can never accept this message (e.g. a refused private address); retrying is pointless.</param>
public sealed record DeliveryResult(bool Succeeded, string? Error = null, TimeSpan? RetryAfter = null, bool Permanent = false)
{
    public static DeliveryResult Success { get; } = new(true);

    public static DeliveryResult Failure(string error, TimeSpan? retryAfter = null, bool permanent = false) =>
        new(false, error, retryAfter, permanent);
}
