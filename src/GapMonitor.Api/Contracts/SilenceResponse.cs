namespace GapMonitor.Api.Contracts;

/// <param name="CreatedBy">vendor, customer or admin: the side that created it (the other side was told).</param>
/// <param name="State">pending (starts later), active (in effect now) or ended.</param>
/// <param name="EndsAt">When it ends; for a silence ended early (DELETE), when it was ended.</param>
/// <param name="EndedAt">Set when it was ended before its planned end.</param>
/// <param name="EndedBy">Who ended it early.</param>
public sealed record SilenceResponse(
    string Id,
    string SystemId,
    IReadOnlyList<string> Kinds,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Reason,
    string By,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string State,
    DateTimeOffset? EndedAt = null,
    string? EndedBy = null);
