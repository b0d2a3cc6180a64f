using GapMonitor.Core.Alerts;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.ActionLinks;

/// <summary>Which links a notification carries, by its type, its alert's state and the party of its recipient.</summary>
public static class ActionLinkSelection
{
    /// <summary>Handover notices (API.md, "Ownership after handover"): they ask the customer to confirm ownership.</summary>
    public static readonly IReadOnlySet<string> HandoverNoticeTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        NotificationTypes.HandoverStarted, NotificationTypes.HandoverGraceEnding, NotificationTypes.HandoverCompleted,
    };

    /// <returns>The actions in the order they are offered; always at least <see cref="ActionLinkActions.Status"/>.</returns>
    public static IReadOnlyList<string> For(string type, AlertSnapshot? alert, Party recipient)
    {
        ArgumentNullException.ThrowIfNull(type);
        var actions = new List<string>();
        // The vendor cannot confirm on the customer's behalf, so only customer contacts get that link.
        var mayConfirm = recipient == Party.Customer;
        if (alert is not null)
        {
            var active = alert.State is "open" or "acknowledged";
            if (active)
            {
                actions.Add(ActionLinkActions.Acknowledge);
                actions.Add(ActionLinkActions.Snooze);
                if (mayConfirm && alert.Kind == AlertKinds.OwnershipUnconfirmed)
                {
                    actions.Add(ActionLinkActions.ConfirmOwnership);
                }
            }
        }
        else if (mayConfirm && HandoverNoticeTypes.Contains(type))
        {
            actions.Add(ActionLinkActions.ConfirmOwnership);
        }

        actions.Add(ActionLinkActions.Status);
        return actions;
    }
}
