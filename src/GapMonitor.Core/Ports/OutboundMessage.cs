using GapMonitor.Core.Notifications;
namespace GapMonitor.Core.Ports;

/// <summary>What a sender needs: the stored notification plus the webhook secret looked up from the system's contacts.</summary>
public sealed record OutboundMessage(Notification Notification, NotificationEnvelope Envelope, string? WebhookSecret);
