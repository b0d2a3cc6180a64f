using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Silences;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.ActionLinks;

/// <summary>
/// A <c>snooze</c> link: silences the system for the token's alert kind for <see cref="ActionLinkSettings.SnoozeFor"/>,
/// created by the recipient's party (the other party is told, as for every silence).
/// </summary>
public sealed class SnoozeLinkHandler(ISystemStore store, SilenceCreation silences, TimeProvider timeProvider) : IActionLinkHandler
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
        if (token.Kind is null)
        {
            return ActionLinkPage.NotFound();
        }

        var now = timeProvider.GetUtcNow();
        var draft = new SilenceDraft(token.SystemId, [token.Kind], now, now + ActionLinkSettings.SnoozeFor, $"Snoozed for {ActionLinkSettings.SnoozeFor.TotalHours:0} hours from a link.", token.Recipient);
        var creator = token.Party == Party.Customer ? SilenceCreator.Customer : SilenceCreator.Vendor;
        var outcome = await silences.CreateAsync(draft, new SilenceAuthor(creator, token.Recipient, _ => true), alsoWrite, cancellationToken);
        return outcome.Result switch
        {
            SilenceResult.Created => new ActionLinkPage(ActionLinkPageKind.Done, "Snoozed", $"{token.Kind} alerts of this system notify nobody for the next {ActionLinkSettings.SnoozeFor.TotalHours:0} hours; the other party is told."),
            SilenceResult.TooMany => new ActionLinkPage(ActionLinkPageKind.Information, "Not snoozed", $"The system already has {SilenceRules.MaxPerSystem} current or planned silences; end one first."),
            SilenceResult.Invalid => new ActionLinkPage(ActionLinkPageKind.Information, "Not snoozed", string.Join(" ", (outcome.Errors ?? []).Select(e => e.Message))),
            _ => ActionLinkPage.NotFound(),
        };
    }
}
