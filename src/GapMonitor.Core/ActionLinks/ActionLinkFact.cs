namespace GapMonitor.Core.ActionLinks;

/// <summary>One labelled line of an action link page, e.g. "System: Churn model for ACME (acme-churn)".</summary>
public sealed record ActionLinkFact(string Label, string Value);
