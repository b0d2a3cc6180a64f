using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;

namespace GapMonitor.Testing;

/// <summary>Builds realistic outbound notifications.</summary>
public static class TestMessages
{
    public const string AlertId = "acme-churn.0193c2a5e4b07c3d8f9a1b2c3d4e5f60";
    public static readonly DateTimeOffset OpenedAt = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public static OutboundMessage Webhook(Uri target, string secret, string id = "0193c2a5f1d27e4b9c0a1b2c3d4e5f61") =>
        Create(NotificationChannel.Webhook, target.OriginalString, NotificationTypes.Opened, id, secret);

    public static OutboundMessage Email(string to, string type = NotificationTypes.Opened, string id = "0193c2a5f1d27e4b9c0a1b2c3d4e5f62", string summary = "No heartbeat since 2025-03-14 08:00 UTC (period PT30M, grace PT15M).") =>
        Create(NotificationChannel.Email, to, type, id, webhookSecret: null, summary);

    private static OutboundMessage Create(NotificationChannel channel, string target, string type, string id, string? webhookSecret, string summary = "No heartbeat since 2025-03-14 08:00 UTC.")
    {
        var alert = new AlertSnapshot(AlertId, "monitoring-silent", State(type), "acme-churn", OpenedAt, summary, Owner: "customer")
        {
            AcknowledgedAt = type == NotificationTypes.Acknowledged ? OpenedAt.AddMinutes(20) : null,
            AcknowledgedBy = type == NotificationTypes.Acknowledged ? "mlops@acme.example" : null,
            EscalatedAt = type == NotificationTypes.Escalated ? OpenedAt.AddHours(4) : null,
            ResolvedAt = type == NotificationTypes.Resolved ? OpenedAt.AddHours(1) : null,
            Resolution = type == NotificationTypes.Resolved ? "heartbeat received" : null,
        };
        var envelope = new NotificationEnvelope(type, OpenedAt, new NotificationData(alert, new SystemSnapshot("acme-churn", "Churn model for ACME", "contoso", "acme")));
        var notification = new Notification
        {
            Id = id,
            SystemId = "acme-churn",
            AlertId = AlertId,
            Type = type,
            Party = Party.Customer,
            Channel = channel,
            Target = target,
            Body = envelope.ToJson(),
            CreatedAt = OpenedAt,
            NextAttemptAt = OpenedAt,
        };
        return new OutboundMessage(notification, envelope, webhookSecret);
    }

    private static string State(string type) => type switch
    {
        NotificationTypes.Acknowledged => "acknowledged",
        NotificationTypes.Resolved => "resolved",
        _ => "open",
    };
}
