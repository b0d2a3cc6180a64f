using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;

namespace GapMonitor.Core.ActionLinks;

/// <summary>
/// <c>GET /act/{token}</c> previews, <c>POST</c> acts: verifies the link, refuses a used one, and hands the action to its
/// <see cref="IActionLinkHandler"/> with the used-marker to write in the same transaction as the action itself.
/// </summary>
public sealed class ActionLinkUse(ActionLinkSigner signer, IEnumerable<IActionLinkHandler> handlers, IUsedActionLinks usedLinks, TimeProvider timeProvider)
{
    private readonly Dictionary<string, IActionLinkHandler> _handlers = handlers.ToDictionary(h => h.Action, StringComparer.Ordinal);

    public async Task<ActionLinkPage> PreviewAsync(string token, CancellationToken cancellationToken = default)
    {
        if (Open(token, out var verified, out var handler) is { } refused)
        {
            return refused;
        }

        return await UsedAsync(verified, cancellationToken) ?? await handler.PreviewAsync(verified, cancellationToken);
    }

    public async Task<ActionLinkPage> ActAsync(string token, CancellationToken cancellationToken = default)
    {
        if (Open(token, out var verified, out var handler) is { } refused)
        {
            return refused;
        }

        if (await UsedAsync(verified, cancellationToken) is { } used)
        {
            return used;
        }

        ActionLinkPage page;
        try
        {
            page = await handler.ActAsync(
                verified,
                changes => changes.MarkLinkUsed(new UsedActionLink(verified.Id, verified.SystemId, verified.Action, verified.Recipient, timeProvider.GetUtcNow())),
                cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // The marker's insert conflicted: another request used the link at the same moment.
            if (await UsedAsync(verified, cancellationToken) is { } usedMeanwhile)
            {
                return usedMeanwhile;
            }

            throw;
        }

        // A concurrent use of this link can win the race; the handler then finds its work done by somebody: say so.
        return page.Kind == ActionLinkPageKind.Done ? page : await UsedAsync(verified, cancellationToken) ?? page;
    }

    private ActionLinkPage? Open(string token, out ActionLinkToken verified, out IActionLinkHandler handler)
    {
        verified = null!;
        handler = null!;
        switch (signer.Verify(token, timeProvider.GetUtcNow(), out var read))
        {
            case ActionLinkVerdict.Invalid:
                return ActionLinkPage.NotFound();
            case ActionLinkVerdict.Expired:
                return ActionLinkPage.Expired();
        }

        verified = read!;
        if (!_handlers.TryGetValue(verified.Action, out var found))
        {
            return ActionLinkPage.Unavailable(verified.Action);
        }

        handler = found;
        return null;
    }

    private async Task<ActionLinkPage?> UsedAsync(ActionLinkToken token, CancellationToken cancellationToken)
    {
        var used = await usedLinks.FindAsync(token.SystemId, token.Id, cancellationToken);
        return used is null
            ? null
            : new ActionLinkPage(ActionLinkPageKind.AlreadyDone, "Already done", "This link was already used; nothing was changed this time.")
            {
                Facts = [new("Used", HumanTime.Format(used.UsedAt)), new("By", used.Recipient), new("Action", used.Action)],
            };
    }
}
