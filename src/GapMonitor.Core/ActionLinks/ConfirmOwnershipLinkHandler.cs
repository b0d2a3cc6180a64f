using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.ActionLinks;

/// <summary>
/// A <c>confirmOwnership</c> link (sent to customer contacts only): the customer confirms it runs operations.
/// NOT REGISTERED YET: the confirmation use case (OwnershipConfirmation, issue 10) is wired in at merge time by passing
/// <paramref name="confirm"/>; until then no handler serves the action and its links answer "not available" (404).
/// </summary>
/// <param name="confirm">
/// Confirms ownership of the system as the token's recipient (by = actor = recipient), applying the given hook to the
/// change set it writes; true when it confirmed now, false when nothing was due to confirm.
/// </param>
public sealed class ConfirmOwnershipLinkHandler(
    ISystemStore store,
    Func<ActionLinkToken, Action<SystemChangeSet>, CancellationToken, Task<bool>> confirm,
    TimeProvider timeProvider) : IActionLinkHandler
{
    public string Action => ActionLinkActions.ConfirmOwnership;

    public async Task<ActionLinkPage> PreviewAsync(ActionLinkToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        var current = await store.GetAsync(token.SystemId, cancellationToken);
        // The vendor cannot confirm on the customer's behalf; such a link is never issued, so it does not exist.
        if (current is null || token.Party != Party.Customer)
        {
            return ActionLinkPage.NotFound();
        }

        return new ActionLinkPage(
            ActionLinkPageKind.Confirm,
            $"Confirm that {current.System.Customer} runs operations of {current.System.Name}?",
            $"Confirming records that {token.Recipient} confirmed, for {current.System.Customer}, that it runs the operations of this system; both parties see it.")
        {
            Facts = ActionLinkSystemFacts.Of(current.System, timeProvider.GetUtcNow()),
            Button = "Confirm ownership",
        };
    }

    public async Task<ActionLinkPage> ActAsync(ActionLinkToken token, Action<SystemChangeSet> alsoWrite, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Party != Party.Customer)
        {
            return ActionLinkPage.NotFound();
        }

        return await confirm(token, alsoWrite, cancellationToken)
            ? new ActionLinkPage(ActionLinkPageKind.Done, "Ownership confirmed", $"{token.Recipient} confirmed that the customer runs operations; both parties are told.")
            : await PreviewAsync(token, cancellationToken);
    }
}
