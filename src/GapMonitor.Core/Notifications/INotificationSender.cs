namespace GapMonitor.Core.Notifications;

/// <summary>Delivers one notification over one channel. Never throws for delivery failures; it reports them.</summary>
public interface INotificationSender
{
    NotificationChannel Channel { get; }

    Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default);
}

/// <summary>What a sender needs: the stored notification plus the webhook secret looked up from the system's contacts.</summary>
public sealed record OutboundMessage(Notification Notification, NotificationEnvelope Envelope, string? WebhookSecret);

/// <param name="RetryAfter">Set when the receiver asked for a delay (HTTP Retry-After).</param>
/// <param name="Permanent">The target can never accept this message (e.g. a refused private address); retrying is pointless.</param>
public sealed record DeliveryResult(bool Succeeded, string? Error = null, TimeSpan? RetryAfter = null, bool Permanent = false)
{
    public static DeliveryResult Success { get; } = new(true);

    public static DeliveryResult Failure(string error, TimeSpan? retryAfter = null, bool permanent = false) =>
        new(false, error, retryAfter, permanent);
}
