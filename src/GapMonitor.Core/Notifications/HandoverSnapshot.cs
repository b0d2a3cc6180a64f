namespace GapMonitor.Core.Notifications;

/// <summary>The handover as a webhook receiver sees it (<c>data.handover</c>).</summary>
/// <param name="GraceEndsAt">When the vendor's grace period ends and operations pass to the customer.</param>
/// <param name="OperationsOwner"><c>vendor</c> or <c>customer</c>, at the notice's time.</param>
/// <param name="OwnershipDueAt">When the customer's (next) ownership confirmation is due.</param>
/// <param name="ConfirmOwnership">How to confirm: the API route (an action link may replace it).</param>
public sealed record HandoverSnapshot(
    DateTimeOffset HandoverAt,
    DateTimeOffset GraceEndsAt,
    string OperationsOwner,
    string OwnershipState,
    DateTimeOffset OwnershipDueAt,
    DateTimeOffset? ConfirmedAt,
    string? ConfirmedBy,
    string ConfirmOwnership);
