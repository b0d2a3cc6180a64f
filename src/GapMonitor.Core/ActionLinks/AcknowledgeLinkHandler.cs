using GapMonitor.Core.Alerts;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;

namespace GapMonitor.Core.ActionLinks;

/// <summary>An <c>acknowledge</c> link: acknowledges its alert as the link's recipient (<see cref="AlertAcknowledgement"/>).</summary>
public sealed class AcknowledgeLinkHandler(ISystemStore store, AlertAcknowledgement acknowledgement, TimeProvider timeProvider) : IActionLinkHandler
{
    public string Action => ActionLinkActions.Acknowledge;

    public async Task<ActionLinkPage> PreviewAsync(ActionLinkToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        var current = await store.GetAsync(token.SystemId, cancellationToken);
        if (current is null)
        {
            return ActionLinkPage.NotFound();
        }

        var now = timeProvider.GetUtcNow();
        var alert = current.ActiveAlerts.FirstOrDefault(a => a.Id == token.Target);
        if (alert is null)
        {
            return new ActionLinkPage(ActionLinkPageKind.Information, "Nothing to acknowledge", "This alert is resolved; no action is needed.")
            {
                Facts = ActionLinkSystemFacts.Of(current.System, now),
            };
        }

        if (alert.State == AlertState.Acknowledged)
        {
            return Acknowledged(current.System, alert, now);
        }

        return new ActionLinkPage(
            ActionLinkPageKind.Confirm,
            $"Acknowledge the {alert.Kind} alert?",
            $"Acknowledging tells everyone who was told that {token.Recipient} is looking into it, and stops the escalation to the other party. The alert stays until the problem is gone.")
        {
            Facts = ActionLinkSystemFacts.Of(current.System, now, alert),
            Button = "Acknowledge",
        };
    }

    public async Task<ActionLinkPage> ActAsync(ActionLinkToken token, Action<SystemChangeSet> alsoWrite, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        var outcome = await acknowledgement.AcknowledgeAsync(token.Target, token.Recipient, note: null, alsoWrite, cancellationToken);
        if (outcome == AcknowledgeOutcome.Acknowledged)
        {
            var current = await store.GetAsync(token.SystemId, cancellationToken);
            var alert = current?.ActiveAlerts.FirstOrDefault(a => a.Id == token.Target);
            return new ActionLinkPage(ActionLinkPageKind.Done, "Alert acknowledged", $"The alert is acknowledged by {token.Recipient}; everyone who was told hears it, and it is not escalated further.")
            {
                Facts = current is null ? [] : ActionLinkSystemFacts.Of(current.System, timeProvider.GetUtcNow(), alert),
            };
        }

        // Acknowledged or resolved in the meantime by someone else, or gone: the same page a GET shows now.
        return await PreviewAsync(token, cancellationToken);
    }

    private static ActionLinkPage Acknowledged(Systems.MonitoredSystem system, Alert alert, DateTimeOffset now)
    {
        var by = alert.AcknowledgedBy is null ? string.Empty : $" by {alert.AcknowledgedBy}";
        var at = alert.AcknowledgedAt is { } t ? $" at {HumanTime.Format(t)}" : string.Empty;
        return new ActionLinkPage(ActionLinkPageKind.Information, "Already acknowledged", $"This alert was acknowledged{by}{at}; no action is needed.")
        {
            Facts = ActionLinkSystemFacts.Of(system, now, alert),
        };
    }
}
