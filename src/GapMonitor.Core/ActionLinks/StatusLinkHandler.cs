using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;

namespace GapMonitor.Core.ActionLinks;

/// <summary>A <c>status</c> link: the system's status, read-only (monitoring state, owner, open alerts). Using it changes nothing.</summary>
public sealed class StatusLinkHandler(ISystemStore store, TimeProvider timeProvider) : IActionLinkHandler
{
    public string Action => ActionLinkActions.Status;

    public async Task<ActionLinkPage> PreviewAsync(ActionLinkToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        var current = await store.GetAsync(token.SystemId, cancellationToken);
        if (current is null)
        {
            return ActionLinkPage.NotFound();
        }

        var now = timeProvider.GetUtcNow();
        var system = current.System;
        var facts = ActionLinkSystemFacts.Of(system, now);
        facts.Add(new("Monitoring", system.IsRetired ? "retired" : HeartbeatRules.StateAt(system, now).ToString().ToLowerInvariant()));
        if (system.Signals.LastHeartbeatAt is { } heartbeat)
        {
            facts.Add(new("Last heartbeat", $"{HumanTime.Format(heartbeat)} ({system.Signals.LastHeartbeatStatus?.ToString().ToLowerInvariant()})"));
        }

        facts.Add(new("As of", HumanTime.Format(now)));
        var alerts = current.ActiveAlerts.OrderBy(a => a.OpenedAt).Select(a =>
            $"{a.Kind}, {a.State.ToString().ToLowerInvariant()} since {HumanTime.Format(a.OpenedAt)}: {a.Summary}").ToList();
        return new ActionLinkPage(
            ActionLinkPageKind.Information,
            $"Status of {system.Name}",
            alerts.Count == 0 ? "No alert is open." : $"{alerts.Count} alert(s) open:")
        {
            Facts = facts,
            Items = alerts,
        };
    }

    /// <summary>Nothing to do: the same read-only page.</summary>
    public Task<ActionLinkPage> ActAsync(ActionLinkToken token, Action<SystemChangeSet> alsoWrite, CancellationToken cancellationToken = default) =>
        PreviewAsync(token, cancellationToken);
}
