using GapMonitor.Core.Alerts;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Notifications;

/// <summary>One outbox row per contact and channel (email, webhook) of the parties told, all with the same body.</summary>
public sealed class NotificationFanOut(IdGenerator ids)
{
    public IReadOnlyList<Notification> ToParties(MonitoredSystem system, IEnumerable<Party> parties, NotificationEnvelope envelope, string? alertId = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(parties);
        return ToContacts(system, parties.Distinct().SelectMany(system.ContactsOf), envelope, alertId);
    }

    public IReadOnlyList<Notification> ToContacts(MonitoredSystem system, IEnumerable<Contact> contacts, NotificationEnvelope envelope, string? alertId = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(envelope);
        var body = envelope.ToJson();
        var notifications = new List<Notification>();
        foreach (var contact in contacts)
        {
            if (contact.Email is { } email)
            {
                notifications.Add(New(system.Id, alertId, envelope, contact.Party, NotificationChannel.Email, email, body));
            }

            if (contact.Webhook is { } webhook)
            {
                notifications.Add(New(system.Id, alertId, envelope, contact.Party, NotificationChannel.Webhook, webhook.Url.AbsoluteUri, body));
            }
        }

        return notifications;
    }

    private Notification New(string systemId, string? alertId, NotificationEnvelope envelope, Party party, NotificationChannel channel, string target, string body) =>
        new()
        {
            Id = ids.NewId(),
            SystemId = systemId,
            AlertId = alertId,
            Type = envelope.Type,
            Party = party,
            Channel = channel,
            Target = target,
            Body = body,
            CreatedAt = envelope.Timestamp,
            NextAttemptAt = envelope.Timestamp,
        };
}
