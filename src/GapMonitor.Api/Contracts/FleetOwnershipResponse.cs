namespace GapMonitor.Api.Contracts;

/// <param name="State"><c>due</c>, <c>confirmed</c> or <c>overdue</c>.</param>
public sealed record FleetOwnershipResponse(string State, DateTimeOffset? DueAt);
