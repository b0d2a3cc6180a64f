using GapMonitor.Core.Alerts;
using GapMonitor.Core.Audit;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Silences;

/// <summary>
/// <c>silence.created</c> goes to the other party (both, when the admin created it), so neither side can quietly mute
/// the other's safety net; its audit entry is written with it.
/// </summary>
public sealed class SilenceNotices(IdGenerator ids, NotificationFanOut fanOut)
{
    public SystemNotice Created(MonitoredSystem system, Silence silence, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(silence);
        IReadOnlyList<Party> recipients = silence.CreatedBy switch
        {
            SilenceCreator.Vendor => [Party.Customer],
            SilenceCreator.Customer => [Party.Vendor],
            _ => Parties.Both,
        };
        var creator = silence.CreatedBy switch
        {
            SilenceCreator.Vendor => $"The vendor {system.Vendor}",
            SilenceCreator.Customer => $"The customer {system.Customer}",
            _ => "The GapMonitor admin",
        };
        var kinds = silence.Kinds.Count == AlertKinds.All.Count ? "all alerts" : string.Join(", ", silence.Kinds) + " alerts";
        var data = new NotificationData(null, SystemSnapshot.Of(system))
        {
            Title = $"{system.Name}: {kinds} silenced until {HumanTime.Format(silence.EndsAt)}",
            Message = $"{creator} ({silence.By}) silenced {kinds} of {system.Name} from {HumanTime.Format(silence.StartsAt)} to {HumanTime.Format(silence.EndsAt)}. "
                + $"Reason: {silence.Reason}. Until then these alerts still open and resolve, but nobody is notified; "
                + "an alert still open when the silence ends is notified then.",
            Action = $"If this silence should not hide alerts from you, ask {silence.By} to end it, or end it yourself: DELETE /api/silences/{silence.Id}.",
            Silence = Snapshot(silence),
        };
        var envelope = new NotificationEnvelope(NotificationTypes.SilenceCreated, now, data);
        var audit = new AuditEntry(ids.NewId(), system.Id, now, actor, "silence.created", Detail: $"{silence.Id}: {kinds} from {HumanTime.Format(silence.StartsAt)} to {HumanTime.Format(silence.EndsAt)}: {silence.Reason}");
        return new SystemNotice(fanOut.ToParties(system, recipients, envelope), audit);
    }

    public AuditEntry Ended(Silence silence, string actor, DateTimeOffset now, bool early)
    {
        ArgumentNullException.ThrowIfNull(silence);
        var how = early ? $"ended early by {actor}" : "ended as planned";
        return new AuditEntry(ids.NewId(), silence.SystemId, now, actor, "silence.ended", Detail: $"{silence.Id} {how}.");
    }

    public static SilenceSnapshot Snapshot(Silence silence)
    {
        ArgumentNullException.ThrowIfNull(silence);
        return new SilenceSnapshot(silence.Id, silence.Kinds, silence.StartsAt, silence.EndsAt, silence.Reason, silence.By, silence.CreatedBy.ToString().ToLowerInvariant());
    }
}
