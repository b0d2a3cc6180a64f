using GapMonitor.Core.Alerts;
using GapMonitor.Core.Audit;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Delivery;

/// <summary>
/// The <c>contact-unreachable</c> alert as a pure function of the system, its active alert of that kind and what
/// deliveries found: it opens when a delivery to a contact is given up, names every contact that cannot be reached
/// (kept on the system row, <see cref="SignalState.UnreachableContacts"/>), is told to every other contact of both
/// parties and never to an unreachable one, and resolves once none is left — a later delivery succeeded, or the
/// contact was removed from the system.
/// </summary>
public sealed class UnreachableContactRules(IdGenerator ids, NotificationFanOut fanOut, AlertTransitions transitions)
{
    /// <summary>Applies delivery outcomes, in the order they happened; false when they change nothing.</summary>
    public bool Apply(SystemChangeSet changes, MonitoredSystem system, Alert? active, IEnumerable<DeliveryFact> facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(facts);
        if (system.IsRetired)
        {
            return false;
        }

        var present = ContactNames.TargetsOf(system);
        var unreachable = system.Signals.UnreachableContacts.Where(present.Contains).ToList();
        var told = new List<string>();
        var reached = new List<string>();
        var errors = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            if (fact.Reached)
            {
                if (unreachable.Remove(fact.Target))
                {
                    reached.Add(fact.Target);
                }

                told.Remove(fact.Target);
            }
            else if (present.Contains(fact.Target) && !unreachable.Contains(fact.Target)
                && (!fact.AboutUnreachableContact || active is not null))
            {
                unreachable.Add(fact.Target);
                errors[fact.Target] = fact.Error;
                if (!fact.AboutUnreachableContact)
                {
                    told.Add(fact.Target);
                }
            }
        }

        var removed = system.Signals.UnreachableContacts.Where(t => !present.Contains(t)).ToList();
        return Decide(changes, system, active, unreachable, told, reached, removed, now);
    }

    /// <summary>The sweep's part: contacts removed from the system no longer count as unreachable.</summary>
    public bool ApplyContactChanges(SystemChangeSet changes, MonitoredSystem system, Alert? active, DateTimeOffset now) =>
        Apply(changes, system, active, [], now);

    private bool Decide(
        SystemChangeSet changes,
        MonitoredSystem system,
        Alert? active,
        List<string> unreachable,
        List<string> told,
        List<string> reached,
        List<string> removed,
        DateTimeOffset now)
    {
        var listChanged = !unreachable.SequenceEqual(system.Signals.UnreachableContacts, StringComparer.Ordinal);
        var names = unreachable.Select(ContactNames.Of).Distinct(StringComparer.Ordinal).ToList();
        var alertAgrees = active is null ? unreachable.Count == 0 : unreachable.Count > 0 && active.Contacts.SequenceEqual(names, StringComparer.Ordinal);
        if (!listChanged && alertAgrees)
        {
            return false;
        }

        var updated = (changes.UpdatedSystem ?? system) with
        {
            Signals = (changes.UpdatedSystem ?? system).Signals with { UnreachableContacts = unreachable },
        };
        changes.UpdateSystem(updated);
        if (active is null)
        {
            if (unreachable.Count > 0)
            {
                changes.Add(Open(updated, names, told.Count > 0, now));
            }

            return true;
        }

        if (unreachable.Count == 0)
        {
            var why = new List<string>();
            if (reached.Count > 0)
            {
                why.Add($"Delivered to {string.Join(", ", reached.Select(ContactNames.Of).Distinct())} again.");
            }

            if (removed.Count > 0)
            {
                why.Add($"{string.Join(", ", removed.Select(ContactNames.Of).Distinct())} no longer among the contacts.");
            }

            var resolution = why.Count > 0 ? string.Join(" ", why) : "Every contact can be reached again.";
            changes.Add(transitions.Resolve(updated, active, resolution, now, Actors.Delivery));
            return true;
        }

        changes.Add(Rename(updated, active, names, told, now));
        return true;
    }

    private AlertTransition Open(MonitoredSystem system, List<string> names, bool tell, DateTimeOffset now)
    {
        var summary = Summary(system, names);
        // Under a silence nobody is told; the sweep tells both parties when it ends (AlertTransitions.Unsilence).
        var silenced = system.IsSilenced(AlertKinds.ContactUnreachable, now);
        var alert = new Alert
        {
            Id = ids.NewAlertId(system.Id),
            SystemId = system.Id,
            Kind = AlertKinds.ContactUnreachable,
            State = AlertState.Open,
            Summary = summary,
            OpenedAt = now,
            OwnerAtOpening = system.OperationsOwnerAt(now),
            // Both parties are told at once, so there is nobody left to escalate to.
            EscalatedAt = silenced ? null : now,
            NotifiedParties = silenced ? [] : Parties.Both,
            LastNotifiedAt = silenced ? null : now,
            Silenced = silenced,
            Contacts = names,
        };
        return Transition(system, alert, isNew: true, tell && !silenced ? NotificationTypes.Opened : null, null, now, "alert.opened", summary);
    }

    /// <summary>The alert names a different set of contacts; only a newly unreachable contact is told about (to the others).</summary>
    private AlertTransition Rename(MonitoredSystem system, Alert active, List<string> names, List<string> told, DateTimeOffset now)
    {
        var summary = Summary(system, names);
        if (active.Silenced || system.IsSilenced(AlertKinds.ContactUnreachable, now))
        {
            told = [];
        }

        var renamed = active with
        {
            Summary = summary,
            Contacts = names,
            LastNotifiedAt = told.Count > 0 ? now : active.LastNotifiedAt,
            NotifiedParties = told.Count > 0 ? [.. active.NotifiedParties.Union(Parties.Both)] : active.NotifiedParties,
        };
        var detail = told.Count > 0
            ? $"Also unreachable: {string.Join(", ", told.Select(ContactNames.Of).Distinct())}. {summary}"
            : summary;
        return Transition(system, renamed, isNew: false, told.Count > 0 ? NotificationTypes.Reminder : null, ReminderReasons.AnotherContactUnreachable, now, "contact-unreachable.contacts-changed", detail);
    }

    private AlertTransition Transition(MonitoredSystem system, Alert alert, bool isNew, string? type, string? reason, DateTimeOffset now, string action, string detail)
    {
        IReadOnlyList<Notification> notifications = [];
        if (type is not null)
        {
            var envelope = new NotificationEnvelope(type, now, new NotificationData(
                AlertTransitions.Snapshot(alert, system.OperationsOwnerAt(now)),
                SystemSnapshot.Of(system),
                reason));
            notifications = fanOut.ToContacts(system, ContactNames.ReachableOf(system, Parties.Both), envelope, alert.Id);
        }

        return new AlertTransition(alert, isNew, notifications, new AuditEntry(ids.NewId(), system.Id, now, Actors.Delivery, action, alert.Id, detail));
    }

    private static string Summary(MonitoredSystem system, List<string> names)
    {
        var parties = string.Join(" and ", system.Signals.UnreachableContacts
            .Select(t => system.Contacts.FirstOrDefault(c => c.Email == t || c.Webhook?.Url.AbsoluteUri == t)?.Party)
            .OfType<Party>().Distinct().Select(p => p.ToString().ToLowerInvariant()));
        var whose = parties.Length > 0 ? $" ({parties} contact{(names.Count > 1 ? "s" : string.Empty)})" : string.Empty;
        return names.Count == 1
            ? $"Notifications about {system.Name} cannot be delivered to {names[0]}{whose}: delivery was given up. Fix or replace this contact."
            : $"Notifications about {system.Name} cannot be delivered to {string.Join(", ", names)}{whose}: delivery was given up. Fix or replace these contacts.";
    }
}
