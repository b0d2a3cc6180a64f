namespace GapMonitor.Core.ActionLinks;

/// <summary>What a signed link allows: one recipient, one action, one target, until <see cref="ExpiresAt"/>.</summary>
/// <param name="Id">Names the link for single use (derived from the notification and the action).</param>
/// <param name="Recipient">The email address, or <c>webhook:{host}</c>; the audit's actor when the link is used.</param>
/// <param name="Party">The recipient's party: who a silence is created by (and who is told), and only a customer confirms ownership.</param>
/// <param name="Target">The alert id (acknowledge) or the system id (the other actions).</param>
/// <param name="Kind">The alert kind a snooze silences; null for the other actions.</param>
public sealed record ActionLinkToken(
    string Id,
    string Recipient,
    Systems.Party Party,
    string Action,
    string SystemId,
    string Target,
    string? Kind,
    DateTimeOffset ExpiresAt);
