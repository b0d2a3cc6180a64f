using GapMonitor.Core.Alerts;
using GapMonitor.Core.Audit;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Delivery;

/// <summary>
/// <c>contact.test</c>: a test notice to every contact of a system (or one, by its position in the system's contacts)
/// through the outbox, so it travels exactly the way an alert would, and its fate shows in the deliveries.
/// A customer tests its own party's contacts only; a vendor and the admin test all.
/// </summary>
public sealed class ContactTest(ISystemStore systems, NotificationFanOut fanOut, IdGenerator ids, TimeProvider timeProvider)
{
    public const string NotificationType = "contact.test";

    /// <summary>
    /// The notifications written, or null when the system is gone. Throws <see cref="ArgumentOutOfRangeException"/> for an
    /// index outside the contacts and <see cref="UnauthorizedAccessException"/> for a contact the caller may not test.
    /// </summary>
    public async Task<IReadOnlyList<Notification>?> SendAsync(string systemId, int? contactIndex, Principal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return await ConflictRetry.RunAsync<IReadOnlyList<Notification>?>(async () =>
        {
            if (await systems.GetAsync(systemId, cancellationToken) is not { } current)
            {
                return null;
            }

            var system = current.System;
            var contacts = Select(system, contactIndex, principal);
            var now = timeProvider.GetUtcNow();
            var envelope = new NotificationEnvelope(NotificationType, now, new NotificationData(null, SystemSnapshot.Of(system))
            {
                Title = $"Test notification for {system.Name}",
                Message = $"This is a test from GapMonitor: notifications about {system.Name} ({system.Id}) reach this contact. It was sent on request of {principal.Name}.",
                Action = "Nothing to do. If you did not expect it, tell the team that manages the system's contacts.",
            });
            var notifications = fanOut.ToContacts(system, contacts, envelope);
            var changes = new SystemChangeSet(system.Id);
            var which = contactIndex is { } index ? $"contact {index}" : "all contacts";
            changes.Add(new SystemNotice(notifications, new AuditEntry(ids.NewId(), system.Id, now, principal.Name, NotificationType, Detail: $"Test sent to {which}: {string.Join(", ", notifications.Select(n => ContactNames.Of(n.Target)))}.")));
            await systems.ApplyAsync(changes, system, cancellationToken);
            return notifications;
        });
    }

    private static List<Contact> Select(MonitoredSystem system, int? contactIndex, Principal principal)
    {
        if (contactIndex is { } index)
        {
            if (index < 0 || index >= system.Contacts.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(contactIndex), index, $"The system has {system.Contacts.Count} contact(s); use an index from 0 to {system.Contacts.Count - 1}.");
            }

            var contact = system.Contacts[index];
            if (!MayTest(principal, contact.Party))
            {
                throw new UnauthorizedAccessException($"Contact {index} is a {contact.Party.ToString().ToLowerInvariant()} contact; a {principal.Role.ToString().ToLowerInvariant()} key may test only its own party's contacts.");
            }

            return [contact];
        }

        return [.. system.Contacts.Where(c => MayTest(principal, c.Party))];
    }

    private static bool MayTest(Principal principal, Party party) => principal.Role != Role.Customer || party == Party.Customer;
}
