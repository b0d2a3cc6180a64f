namespace GapMonitor.Api.Contracts;

/// <summary>One confirmation in the ownership history.</summary>
/// <param name="Actor">The key (e.g. <c>customer:acme</c>) or link recipient that confirmed.</param>
public sealed record OwnershipConfirmationResponse(DateTimeOffset ConfirmedAt, string ConfirmedBy, string Actor, string? Note);
