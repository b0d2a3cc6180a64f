namespace GapMonitor.Api.Contracts;

/// <summary>When the customer confirms it runs operations, as ISO 8601 durations (PT1S to P3650D).</summary>
/// <param name="ConfirmWithin">The first confirmation is due this long after handover, or registration when later (default P7D).</param>
/// <param name="ReconfirmEvery">After each confirmation the next is due this long later (default P90D).</param>
public sealed record OwnershipRequest(string? ConfirmWithin, string? ReconfirmEvery);
