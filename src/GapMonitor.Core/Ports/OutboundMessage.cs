using GapMonitor.Core.Notifications;
namespace GapMonitor.Core.Ports;

/// <summary>What a sender needs: the stored notification plus the webhook secret looked up from the system's contacts.</summary>
public sealed record OutboundMessage(Notification Notification, NotificationEnvelope Envelope, string? WebhookSecret)
{
    /// <summary>The webhook body to send and sign: the stored body, with <c>data.links</c> when the envelope carries links.</summary>
    public string Body { get; init; } = Notification?.Body ?? throw new ArgumentNullException(nameof(Notification));
}
