namespace GapMonitor.Api.Contracts;

/// <param name="By">Who confirms (default: the caller's key, e.g. <c>customer:acme</c>).</param>
public sealed record ConfirmOwnershipRequest(string? By, string? Note);
