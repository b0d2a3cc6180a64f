namespace GapMonitor.Core.ActionLinks;

/// <summary>The webhook body's <c>data.links</c>: one signed URL per action that applies (the others are left out).</summary>
public sealed record ActionLinkUrls(string? Acknowledge = null, string? Snooze = null, string? Status = null, string? ConfirmOwnership = null)
{
    public string? Of(string action) => action switch
    {
        ActionLinkActions.Acknowledge => Acknowledge,
        ActionLinkActions.Snooze => Snooze,
        ActionLinkActions.Status => Status,
        ActionLinkActions.ConfirmOwnership => ConfirmOwnership,
        _ => null,
    };
}
