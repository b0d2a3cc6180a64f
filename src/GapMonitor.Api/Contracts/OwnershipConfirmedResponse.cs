namespace GapMonitor.Api.Contracts;

/// <summary>The answer to a confirmation: <c>state</c> is <c>confirmed</c>, and the next confirmation is due at <c>dueAt</c>.</summary>
public sealed record OwnershipConfirmedResponse(string State, DateTimeOffset ConfirmedAt, string ConfirmedBy, DateTimeOffset DueAt);
