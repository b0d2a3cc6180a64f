using GapMonitor.Core.Alerts;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Ownership;

/// <summary>The words of the handover notices and of <c>ownership-unconfirmed</c>: what happened, what it means, the one action.</summary>
public static class HandoverTexts
{
    public static string ConfirmRoute(MonitoredSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return $"POST /api/systems/{system.Id}/ownership";
    }

    public static NotificationData Started(MonitoredSystem system, DateTimeOffset now) => Data(system, now) with
    {
        Title = $"Handover of {system.Name}: {system.Customer} confirms it runs operations by {HumanTime.Format(OwnershipRules.DueAt(system))}",
        Message = $"{system.Vendor} handed {system.Name} over to {system.Customer} at {HumanTime.Format(system.HandoverAt)}. "
            + $"{system.Vendor} keeps operations until its grace period ends at {HumanTime.Format(system.GraceEndsAt)}; after that {system.Customer} owns them and is alerted first. "
            + $"{system.Customer} confirms it runs operations by {HumanTime.Format(OwnershipRules.DueAt(system))}; without a confirmation by then, both parties get an {AlertKinds.OwnershipUnconfirmed} alert.",
        Action = ConfirmAction(system),
    };

    public static NotificationData GraceEnding(MonitoredSystem system, DateTimeOffset now) => Data(system, now) with
    {
        Title = $"{system.Vendor}'s safety net for {system.Name} ends {HumanTime.Format(system.GraceEndsAt)}",
        Message = $"The vendor's grace period for {system.Name} ends at {HumanTime.Format(system.GraceEndsAt)}. From then on {system.Customer} runs operations: "
            + $"alerts go to {system.Customer} first and reach {system.Vendor} only when nobody acknowledges them within {System.Xml.XmlConvert.ToString(system.AcknowledgeWithin)}. "
            + OwnershipSentence(system, now),
        Action = system.Handover?.LastConfirmation is null ? ConfirmAction(system) : $"{system.Customer}: check that your contacts on {system.Name} reach the people on call.",
    };

    public static NotificationData Completed(MonitoredSystem system, DateTimeOffset now) => Data(system, now) with
    {
        Title = $"Operations of {system.Name} passed to {system.Customer}",
        Message = $"The vendor's grace period ended at {HumanTime.Format(system.GraceEndsAt)}. {system.Customer} now owns operations of {system.Name}: "
            + $"alerts go to {system.Customer} first and reach {system.Vendor} only when nobody acknowledges them within {System.Xml.XmlConvert.ToString(system.AcknowledgeWithin)}. "
            + OwnershipSentence(system, now),
        Action = OwnershipRules.StateAt(system, now) == OwnershipState.Confirmed ? null : ConfirmAction(system),
    };

    public static NotificationData Confirmed(MonitoredSystem system, OwnershipConfirmationRecord confirmation, DateTimeOffset now) => Data(system, now) with
    {
        Title = $"{system.Customer} confirmed it runs operations of {system.Name}",
        Message = $"Ownership of {system.Name} was confirmed by {confirmation.By} at {HumanTime.Format(confirmation.At)}"
            + (string.IsNullOrWhiteSpace(confirmation.Note) ? "." : $": {confirmation.Note}")
            + $" The next confirmation is due by {HumanTime.Format(OwnershipRules.DueAt(system))}.",
    };

    public static string UnconfirmedSummary(MonitoredSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var due = HumanTime.Format(OwnershipRules.DueAt(system));
        return system.Handover?.LastConfirmation is { } last
            ? $"{system.Customer} has not confirmed again that it runs operations of {system.Name}: last confirmed by {last.By} at {HumanTime.Format(last.At)}, the next confirmation was due by {due}. Confirm with {ConfirmRoute(system)}."
            : $"{system.Customer} has not confirmed that it runs operations of {system.Name}: confirmation was due by {due}. Confirm with {ConfirmRoute(system)}.";
    }

    private static string OwnershipSentence(MonitoredSystem system, DateTimeOffset now) =>
        system.Handover?.LastConfirmation is { } last && OwnershipRules.StateAt(system, now) == OwnershipState.Confirmed
            ? $"{system.Customer} confirmed ownership ({last.By}, {HumanTime.Format(last.At)})."
            : $"{system.Customer} has not confirmed ownership yet; it is due by {HumanTime.Format(OwnershipRules.DueAt(system))}.";

    private static string ConfirmAction(MonitoredSystem system) =>
        $"{system.Customer}: confirm that you run operations of {system.Name} with {ConfirmRoute(system)} (a customer key).";

    private static NotificationData Data(MonitoredSystem system, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(system);
        var last = system.Handover?.LastConfirmation;
        return new NotificationData(null, SystemSnapshot.Of(system))
        {
            Handover = new HandoverSnapshot(
                system.HandoverAt,
                system.GraceEndsAt,
                system.OperationsOwnerAt(now).ToString().ToLowerInvariant(),
                OwnershipRules.StateAt(system, now).ToString().ToLowerInvariant(),
                OwnershipRules.DueAt(system),
                last?.At,
                last?.By,
                ConfirmRoute(system)),
        };
    }
}
