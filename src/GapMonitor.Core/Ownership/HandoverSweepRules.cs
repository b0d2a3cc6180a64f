using GapMonitor.Core.Alerts;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Ownership;

/// <summary>
/// What a sweep does about the handover: the three notices, each once per system to both parties, and
/// <c>ownership-unconfirmed</c> (to both parties at once) while a confirmation is overdue. Each notice is remembered on
/// the system row written with it, so a concurrent sweep (which holds the old row's ETag) cannot send it again.
/// </summary>
public static class HandoverSweepRules
{
    /// <summary>A notice more than this late (stored before notices existed, or sweeps stopped) is passed over, not sent.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromDays(1);


    public static void Apply(SystemChangeSet changes, MonitoredSystem system, IReadOnlyDictionary<string, Alert> active, DateTimeOffset now, AlertTransitions transitions)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(active);
        ArgumentNullException.ThrowIfNull(transitions);
        var current = changes.UpdatedSystem ?? system;
        if (current.Handover is null)
        {
            StartTracking(changes, current, now, transitions);
            return;
        }

        var progress = Notices(changes, current, now, transitions);
        if (progress != current.Handover)
        {
            changes.UpdateSystem(current with { Handover = progress });
        }

        var open = active.GetValueOrDefault(AlertKinds.OwnershipUnconfirmed);
        var overdue = OwnershipRules.StateAt(current, now) == OwnershipState.Overdue;
        if (overdue && open is null)
        {
            changes.Add(transitions.Open(current, AlertKinds.OwnershipUnconfirmed, HandoverTexts.UnconfirmedSummary(current), now, Parties.Both));
        }
        else if (!overdue && open is not null)
        {
            changes.Add(transitions.Resolve(current, open, $"No confirmation is overdue any more: the next is due by {HumanTime.Format(OwnershipRules.DueAt(current))}.", now));
        }
    }

    /// <summary>
    /// A system stored before ownership was tracked: tracking starts now (the first confirmation is due
    /// <see cref="OwnershipSettings.ConfirmWithin"/> from now) and notices whose moment has passed are not sent.
    /// </summary>
    private static void StartTracking(SystemChangeSet changes, MonitoredSystem system, DateTimeOffset now, AlertTransitions transitions)
    {
        var progress = new HandoverProgress
        {
            TrackedSince = now,
            StartedNoticeAt = now >= OwnershipRules.HandoverStartsAt(system) ? now : null,
            GraceEndingNoticeAt = now >= GraceEndingAt(system) ? now : null,
            CompletedNoticeAt = now >= system.GraceEndsAt ? now : null,
        };
        var tracked = system with { Handover = progress };
        changes.UpdateSystem(tracked);
        changes.Add(transitions.PassOver(system, now, "ownership.tracking-started",
            $"Stored before ownership confirmation existed: the first confirmation is due by {HumanTime.Format(OwnershipRules.DueAt(tracked))}; handover notices already past are not sent."));
    }

    /// <summary>
    /// The notices now due, oldest first. At most one is sent per sweep, the next waits for the next sweep (passed-over
    /// ones, an audit row each, go along): a notice is written in the same transaction as the system row that marks it
    /// sent, and one always fits in it.
    /// </summary>
    private static HandoverProgress Notices(SystemChangeSet changes, MonitoredSystem system, DateTimeOffset now, AlertTransitions transitions)
    {
        var progress = system.Handover!;
        var sent = false;
        bool Due(DateTimeOffset? noticeAt, DateTimeOffset moment, bool late) => noticeAt is null && now >= moment && (late || !sent);
        void Record(SystemNotice notice)
        {
            changes.Add(notice);
            sent |= notice.Notifications.Count > 0;
        }

        var startsAt = OwnershipRules.HandoverStartsAt(system);
        var startedLate = now - startsAt > LateAfter;
        if (Due(progress.StartedNoticeAt, startsAt, startedLate))
        {
            Record(SendOrPassOver(system, NotificationTypes.HandoverStarted, startsAt, now, startedLate, HandoverTexts.Started, transitions));
            progress = progress with { StartedNoticeAt = now };
        }

        // Once the grace period is over, "about to end" would be wrong: handover.completed says it.
        var graceEndingAt = GraceEndingAt(system);
        var graceEndingLate = now - graceEndingAt > LateAfter || now >= system.GraceEndsAt;
        if (Due(progress.GraceEndingNoticeAt, graceEndingAt, graceEndingLate))
        {
            Record(SendOrPassOver(system, NotificationTypes.HandoverGraceEnding, graceEndingAt, now, graceEndingLate, HandoverTexts.GraceEnding, transitions));
            progress = progress with { GraceEndingNoticeAt = now };
        }

        var completedLate = now - system.GraceEndsAt > LateAfter;
        if (Due(progress.CompletedNoticeAt, system.GraceEndsAt, completedLate))
        {
            Record(SendOrPassOver(system, NotificationTypes.HandoverCompleted, system.GraceEndsAt, now, completedLate, HandoverTexts.Completed, transitions));
            progress = progress with { CompletedNoticeAt = now };
        }

        return progress;
    }

    private static SystemNotice SendOrPassOver(
        MonitoredSystem system,
        string type,
        DateTimeOffset moment,
        DateTimeOffset now,
        bool late,
        Func<MonitoredSystem, DateTimeOffset, NotificationData> data,
        AlertTransitions transitions)
    {
        if (late)
        {
            return transitions.PassOver(system, now, $"{type}.passed-over", $"Due at {HumanTime.Format(moment)}; too late to be news, not sent.");
        }

        var envelope = new NotificationEnvelope(type, now, data(system, now));
        return transitions.Notice(system, Parties.Both, envelope, Audit.Actors.Sweep, type, envelope.Data.Title);
    }

    /// <summary><see cref="MonitoredSystem.GraceEndingNotice"/> before the vendor's grace period ends.</summary>
    public static DateTimeOffset GraceEndingAt(MonitoredSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GraceEndsAt - system.GraceEndingNotice;
    }
}
