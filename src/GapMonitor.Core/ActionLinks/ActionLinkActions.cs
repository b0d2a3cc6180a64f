namespace GapMonitor.Core.ActionLinks;

/// <summary>The actions a link can carry: the member names of <c>data.links</c> (API.md, "Action links").</summary>
public static class ActionLinkActions
{
    public const string Acknowledge = "acknowledge";
    public const string ConfirmOwnership = "confirmOwnership";
    public const string Snooze = "snooze";
    public const string Status = "status";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Acknowledge, ConfirmOwnership, Snooze, Status };
}
