using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Ports;

namespace GapMonitor.Core.ActionLinks;

/// <summary>
/// A <c>snooze</c> link: silences the system for the token's alert kind for <see cref="ActionLinkSettings.SnoozeFor"/>
/// (the other party is told, as for every silence). NOT REGISTERED YET: the silence use case (issue 10) is wired in at
/// merge time by passing <paramref name="silence"/>; until then its links answer "not available" (404).
/// </summary>
/// <param name="silence">
/// Creates the silence (system = token.SystemId, kinds = [token.Kind], from now for <see cref="ActionLinkSettings.SnoozeFor"/>,
/// by = recipient, created by token.Party), applying the given hook to the change set it writes; true when created.
/// </param>
public sealed class SnoozeLinkHandler(
    ISystemStore store,
    Func<ActionLinkToken, Action<SystemChangeSet>, CancellationToken, Task<bool>> silence,
    TimeProvider timeProvider) : IActionLinkHandler
{
    public string Action => ActionLinkActions.Snooze;

    public async Task<ActionLinkPage> PreviewAsync(ActionLinkToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        var current = await store.GetAsync(token.SystemId, cancellationToken);
        if (current is null || token.Kind is null)
        {
            return ActionLinkPage.NotFound();
        }

        return new ActionLinkPage(
            ActionLinkPageKind.Confirm,
            $"Snooze {token.Kind} alerts of {current.System.Name} for {ActionLinkSettings.SnoozeFor.TotalHours:0} hours?",
            $"For {ActionLinkSettings.SnoozeFor.TotalHours:0} hours, {token.Kind} alerts of this system still open and resolve but notify nobody; the other party is told about the snooze.")
        {
            Facts = ActionLinkSystemFacts.Of(current.System, timeProvider.GetUtcNow()),
            Button = "Snooze for 24 hours",
        };
    }

    public async Task<ActionLinkPage> ActAsync(ActionLinkToken token, Action<SystemChangeSet> alsoWrite, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.Kind is not null && await silence(token, alsoWrite, cancellationToken)
            ? new ActionLinkPage(ActionLinkPageKind.Done, "Snoozed", $"{token.Kind} alerts of this system notify nobody for the next {ActionLinkSettings.SnoozeFor.TotalHours:0} hours; the other party is told.")
            : await PreviewAsync(token, cancellationToken);
    }
}
