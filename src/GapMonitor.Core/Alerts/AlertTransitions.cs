using GapMonitor.Core.Audit;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Alerts;

/// <summary>
/// The alert lifecycle: open → (escalated) → acknowledged → resolved. Each step decides who is told and
/// produces the notifications and the audit entry that are written atomically with the alert.
/// </summary>
public sealed class AlertTransitions(IdGenerator ids, NotificationFanOut fanOut)
{
    public AlertTransitions(IdGenerator ids)
        : this(ids, new NotificationFanOut(ids))
    {
    }

    /// <summary>
    /// Opens an alert that goes to the owner, or to <paramref name="recipients"/> (e.g. both parties) at once; then, when
    /// that includes a party other than the owner, it counts as escalated from the start: nobody is left to escalate to.
    /// Under a silence nobody is told until it ends.
    /// </summary>
    public AlertTransition Open(MonitoredSystem system, string kind, string summary, DateTimeOffset now, IReadOnlyList<Party>? recipients = null, AlertFacts? facts = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        var owner = system.OperationsOwnerAt(now);
        var silenced = system.IsSilenced(kind, now);
        IReadOnlyList<Party> told = silenced ? [] : [.. (recipients ?? [owner]).Distinct()];
        var alert = new Alert
        {
            Id = ids.NewAlertId(system.Id),
            SystemId = system.Id,
            Kind = kind,
            State = AlertState.Open,
            Summary = summary,
            OpenedAt = now,
            OwnerAtOpening = owner,
            EscalatedAt = told.Any(p => p != owner) ? now : null,
            NotifiedParties = told,
            LastNotifiedAt = silenced ? null : now,
            Silenced = silenced,
            Columns = facts?.Columns ?? [],
            Metrics = facts?.Metrics ?? [],
        };
        return Transition(system, alert, isNew: true, NotificationTypes.Opened, told, now, Actors.Sweep, "alert.opened", silenced ? $"{summary} (silenced: nobody notified until the silence ends)" : summary);
    }

    /// <summary>The audit entry of a silence that ended as planned (the sweep drops it from the system row).</summary>
    public AuditEntry SilenceEnded(MonitoredSystem system, Silences.SilenceWindow silence, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(silence);
        return new AuditEntry(ids.NewId(), system.Id, now, Actors.Sweep, "silence.ended", Detail: $"{silence.Id} ended as planned at {HumanTime.Format(silence.EndsAt)}.");
    }

    /// <summary>A silence began to cover an open alert: from now on nobody hears of it and its clocks stand still.</summary>
    public AlertTransition MarkSilenced(MonitoredSystem system, Alert alert, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(alert);
        var audit = new AuditEntry(ids.NewId(), system.Id, now, Actors.Sweep, "alert.silenced", alert.Id, "A silence covers this alert; notifications are held back until it ends.");
        return new AlertTransition(alert with { Silenced = true }, IsNew: false, [], audit);
    }

    /// <summary>
    /// The silence over a still active alert ended: what it held back goes out now (<c>data.reason = "silence-ended"</c>):
    /// <c>alert.opened</c> to the owner when nobody was told yet, else <c>alert.reminder</c> to everyone told. An
    /// acknowledged alert is being handled and stays quiet. Escalation, reminders and expiry count from now.
    /// </summary>
    public AlertTransition Unsilence(MonitoredSystem system, Alert alert, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(alert);
        var unsilenced = alert with { Silenced = false, UnsilencedAt = now };
        const string Action = "alert.silence-ended";
        if (alert.State == AlertState.Acknowledged)
        {
            var audit = new AuditEntry(ids.NewId(), system.Id, now, Actors.Sweep, Action, alert.Id, "The silence ended; the alert is acknowledged, so nobody is notified.");
            return new AlertTransition(unsilenced, IsNew: false, [], audit);
        }

        if (alert.NotifiedParties.Count == 0)
        {
            // An alert that goes to both parties at once (ownership-unconfirmed) still does when its silence ends.
            var owner = system.OperationsOwnerAt(now);
            IReadOnlyList<Party> told = AlertKinds.ToBothParties.Contains(alert.Kind) ? Parties.Both : [owner];
            var opened = unsilenced with { NotifiedParties = told, LastNotifiedAt = now, EscalatedAt = told.Count > 1 ? now : alert.EscalatedAt };
            return Transition(system, opened, isNew: false, NotificationTypes.Opened, told, now, Actors.Sweep, Action,
                $"Opened at {HumanTime.Format(alert.OpenedAt)} under a silence; the silence ended, {string.Join(", ", told)} notified now.", ReminderReasons.SilenceEnded);
        }

        var reminded = unsilenced with { LastNotifiedAt = now };
        return Transition(system, reminded, isNew: false, NotificationTypes.Reminder, alert.NotifiedParties, now, Actors.Sweep, Action,
            $"Still open since {HumanTime.Format(alert.OpenedAt)}; the silence ended, {string.Join(", ", alert.NotifiedParties)} reminded now.", ReminderReasons.SilenceEnded);
    }

    /// <summary>Nobody acknowledged in time: the other party is told too.</summary>
    public AlertTransition Escalate(MonitoredSystem system, Alert alert, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(alert);
        var other = alert.OwnerAtOpening == Party.Vendor ? Party.Customer : Party.Vendor;
        var currentOwner = system.OperationsOwnerAt(now);
        var recipients = new List<Party> { other };
        if (currentOwner != alert.OwnerAtOpening && !recipients.Contains(currentOwner))
        {
            recipients.Add(currentOwner);
        }

        var escalated = alert with
        {
            EscalatedAt = now,
            LastNotifiedAt = now,
            NotifiedParties = [.. alert.NotifiedParties.Union(recipients)],
        };
        var detail = $"Not acknowledged within {System.Xml.XmlConvert.ToString(system.AcknowledgeWithin)}; escalated to {string.Join(", ", recipients)}.";
        return Transition(system, escalated, isNew: false, NotificationTypes.Escalated, recipients, now, Actors.Sweep, "alert.escalated", detail);
    }

    public AlertTransition Acknowledge(MonitoredSystem system, Alert alert, string by, string? note, DateTimeOffset now, string actor)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(alert);
        var acknowledged = alert with
        {
            State = AlertState.Acknowledged,
            AcknowledgedAt = now,
            AcknowledgedBy = by,
            AcknowledgementNote = note,
            LastNotifiedAt = now,
        };
        IReadOnlyList<Party> told = system.IsSilenced(alert.Kind, now) ? [] : alert.NotifiedParties;
        return Transition(system, acknowledged, isNew: false, NotificationTypes.Acknowledged, told, now, actor, "alert.acknowledged", note);
    }

    /// <summary>Still open: everyone told so far hears about it again.</summary>
    public AlertTransition Remind(MonitoredSystem system, Alert alert, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(alert);
        var reminded = alert with { LastNotifiedAt = now };
        var detail = $"Still open since {HumanTime.Format(alert.OpenedAt)}; last notification {HumanTime.Format(alert.LastNotification)}. Reminded {string.Join(", ", alert.NotifiedParties)}.";
        return Transition(system, reminded, isNew: false, NotificationTypes.Reminder, alert.NotifiedParties, now, Actors.Sweep, "alert.reminder", detail);
    }

    /// <summary>
    /// The acknowledgement lasted <see cref="AlertingSettings.AcknowledgementExpiresAfter"/> without a resolution: the alert
    /// is open again, everyone told hears why, and the escalation clock starts over from now.
    /// </summary>
    public AlertTransition ExpireAcknowledgement(MonitoredSystem system, Alert alert, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(alert);
        // The expired acknowledgement's time, author and note stay on the alert as history (the reminder tells who
        // acknowledged and when); State is what says whether the alert is acknowledged now.
        var reopened = alert with { State = AlertState.Open, ReopenedAt = now, LastNotifiedAt = now };
        var by = alert.AcknowledgedBy is null ? string.Empty : $" by {alert.AcknowledgedBy}";
        var acknowledgedAt = alert.AcknowledgedAt is { } at ? HumanTime.Format(at) : "unknown";
        var detail = $"Acknowledged at {acknowledgedAt}{by} but not resolved within {System.Xml.XmlConvert.ToString(system.Alerting.AcknowledgementExpiresAfter)}; open again, escalation starts over.";
        return Transition(system, reopened, isNew: false, NotificationTypes.Reminder, alert.NotifiedParties, now, Actors.Sweep, "acknowledgement-expired", detail, ReminderReasons.AcknowledgementExpired);
    }

    /// <summary>
    /// An alert stored before reminders and acknowledgement expiry existed: both clocks start now, without a
    /// notification, so upgrading does not remind every old alert at once.
    /// </summary>
    public AlertTransition StartFollowUps(MonitoredSystem system, Alert alert, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(alert);
        var started = alert with { LastNotifiedAt = now };
        var audit = new AuditEntry(ids.NewId(), system.Id, now, Actors.Sweep, "alert.follow-ups-started", alert.Id,
            "Stored before reminders and acknowledgement expiry; both count from now.");
        return new AlertTransition(started, IsNew: false, [], audit);
    }

    /// <summary>Resolution goes to everyone who was told.</summary>
    public AlertTransition Resolve(MonitoredSystem system, Alert alert, string resolution, DateTimeOffset now, string actor = Actors.Sweep)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(alert);
        var silenced = system.IsSilenced(alert.Kind, now);
        var resolved = alert with { State = AlertState.Resolved, ResolvedAt = now, Resolution = resolution, Silenced = silenced };
        return Transition(system, resolved, isNew: false, NotificationTypes.Resolved, silenced ? [] : alert.NotifiedParties, now, actor, "alert.resolved", resolution);
    }

    private AlertTransition Transition(
        MonitoredSystem system,
        Alert alert,
        bool isNew,
        string notificationType,
        IEnumerable<Party> recipients,
        DateTimeOffset now,
        string actor,
        string action,
        string? detail,
        string? reason = null)
    {
        var envelope = new NotificationEnvelope(notificationType, now, new NotificationData(
            Snapshot(alert, system.OperationsOwnerAt(now)),
            SystemSnapshot.Of(system),
            reason));
        // Nothing about an unreachable contact is sent to a contact that cannot be reached.
        var notifications = alert.Kind == AlertKinds.ContactUnreachable
            ? fanOut.ToContacts(system, Delivery.ContactNames.ReachableOf(system, recipients), envelope, alert.Id)
            : fanOut.ToParties(system, recipients, envelope, alert.Id);
        var audit = new AuditEntry(ids.NewId(), system.Id, now, actor, action, alert.Id, detail);
        return new AlertTransition(alert, isNew, notifications, audit);
    }

    public static AlertSnapshot Snapshot(Alert alert, Party? owner = null)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new AlertSnapshot(
            alert.Id,
            alert.Kind,
            alert.State.ToString().ToLowerInvariant(),
            alert.SystemId,
            alert.OpenedAt,
            alert.Summary,
            alert.AcknowledgedAt,
            alert.AcknowledgedBy,
            alert.AcknowledgementNote,
            alert.EscalatedAt,
            alert.ResolvedAt,
            alert.Resolution,
            owner?.ToString().ToLowerInvariant())
        {
            Silenced = alert.Silenced,
            Contact = alert.Contacts.Count > 0 ? alert.Contacts[0] : null,
            Contacts = alert.Contacts.Count > 0 ? alert.Contacts : null,
            Columns = alert.Columns.Count > 0 ? alert.Columns : null,
            Metrics = alert.Metrics.Count > 0 ? alert.Metrics : null,
        };
    }

    /// <summary>A notice about the system (not one alert) to <paramref name="parties"/>, with the audit entry that records it.</summary>
    public SystemNotice Notice(MonitoredSystem system, IEnumerable<Party> parties, NotificationEnvelope envelope, string actor, string action, string? detail)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(envelope);
        var notifications = fanOut.ToParties(system, parties, envelope);
        return new SystemNotice(notifications, new AuditEntry(ids.NewId(), system.Id, envelope.Timestamp, actor, action, Detail: detail));
    }

    /// <summary>A notice deliberately not sent (e.g. its moment is long past): only the audit entry says so.</summary>
    public SystemNotice PassOver(MonitoredSystem system, DateTimeOffset now, string action, string detail)
    {
        ArgumentNullException.ThrowIfNull(system);
        return new SystemNotice([], new AuditEntry(ids.NewId(), system.Id, now, Actors.Sweep, action, Detail: detail));
    }
}
