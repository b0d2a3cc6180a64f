namespace GapMonitor.Api.Contracts;

/// <param name="SystemId">The system to silence (in the caller's scope).</param>
/// <param name="Kinds">Alert kinds to silence; left out: every kind.</param>
/// <param name="StartsAt">When it starts (ISO 8601 UTC): at most 5 minutes in the past, at most 90 days ahead; left out: now.</param>
/// <param name="EndsAt">When it ends (ISO 8601 UTC), required: after startsAt and now, at most 30 days after startsAt.</param>
/// <param name="Reason">Why (required, at most 1000 characters): the other party is told.</param>
/// <param name="By">Who asked for it (at most 200 characters); left out: the caller's key.</param>
public sealed record SilenceRequest(string? SystemId, IReadOnlyList<string>? Kinds, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Reason, string? By);
