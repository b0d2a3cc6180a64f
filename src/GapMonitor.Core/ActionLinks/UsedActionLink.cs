namespace GapMonitor.Core.ActionLinks;

/// <summary>The marker that a link was used: written in the same transaction as what the link did, so it is used once.</summary>
public sealed record UsedActionLink(string TokenId, string SystemId, string Action, string Recipient, DateTimeOffset UsedAt);
