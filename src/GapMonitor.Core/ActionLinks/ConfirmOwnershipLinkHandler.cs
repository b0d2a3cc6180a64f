using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Ownership;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.ActionLinks;

/// <summary>
/// A <c>confirmOwnership</c> link (sent to customer contacts only): the customer confirms it runs operations, as the
/// link's recipient (<see cref="OwnershipConfirmation"/>, by = actor = recipient).
/// </summary>
public sealed class ConfirmOwnershipLinkHandler(ISystemStore store, OwnershipConfirmation confirmation, TimeProvider timeProvider) : IActionLinkHandler
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

        if (current.System.IsRetired)
        {
            return Retired(current.System);
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

        var result = await confirmation.ConfirmAsync(token.SystemId, token.Recipient, note: null, token.Recipient, alsoWrite, cancellationToken);
        return result.Outcome switch
        {
            OwnershipConfirmationOutcome.Confirmed => new ActionLinkPage(ActionLinkPageKind.Done, "Ownership confirmed", $"{token.Recipient} confirmed that the customer runs operations; both parties are told."),
            OwnershipConfirmationOutcome.Retired when result.System is { } retired => Retired(retired),
            OwnershipConfirmationOutcome.Retired => new ActionLinkPage(ActionLinkPageKind.Information, "Nothing to confirm", "The system is retired: there are no operations to own."),
            _ => ActionLinkPage.NotFound(),
        };
    }

    private ActionLinkPage Retired(MonitoredSystem system) =>
        new(ActionLinkPageKind.Information, "Nothing to confirm", "The system is retired: there are no operations to own.")
        {
            Facts = ActionLinkSystemFacts.Of(system, timeProvider.GetUtcNow()),
        };
}
