using GapMonitor.Core.Evaluation;

namespace GapMonitor.Core.ActionLinks;

/// <summary>What one action (<see cref="Action"/>) shows and does for a verified link.</summary>
public interface IActionLinkHandler
{
    /// <summary>One of <see cref="ActionLinkActions"/>.</summary>
    string Action { get; }

    /// <summary>What the action would do (a GET of the link): reads only, changes nothing.</summary>
    Task<ActionLinkPage> PreviewAsync(ActionLinkToken token, CancellationToken cancellationToken = default);

    /// <summary>
    /// Does it (a POST of the link), as <see cref="ActionLinkToken.Recipient"/>, with its audit entry's actor being the
    /// recipient. Whatever it writes goes in one change set to which it applies <paramref name="alsoWrite"/> (the
    /// link's used-marker). <see cref="ActionLinkPageKind.Done"/> only when that change set was written.
    /// </summary>
    Task<ActionLinkPage> ActAsync(ActionLinkToken token, Action<SystemChangeSet> alsoWrite, CancellationToken cancellationToken = default);
}
