namespace GapMonitor.Core.Silences;

/// <summary>
/// Planned quiet for some alert kinds of one system: alerts still open and resolve, but nobody is notified until it
/// ends. Its id carries the system id (<c>{systemId}.{uuid7}</c>), like an alert's, so it is found with one partition read.
/// </summary>
public sealed record Silence
{
    public required string Id { get; init; }
    public required string SystemId { get; init; }
    public required IReadOnlyList<string> Kinds { get; init; }
    public required DateTimeOffset StartsAt { get; init; }

    /// <summary>When it ends (or ended: a silence ended early has this set to the moment it was ended).</summary>
    public required DateTimeOffset EndsAt { get; init; }

    public required string Reason { get; init; }
    public required string By { get; init; }
    public required SilenceCreator CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Set when it was ended before its planned end (DELETE); who ended it is <see cref="EndedBy"/>.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    public string? EndedBy { get; init; }

    public SilenceWindow Window => new(Id, Kinds, StartsAt, EndsAt);

    public bool HasEnded(DateTimeOffset now) => EndedAt is not null || EndsAt <= now;

    public bool IsActiveAt(DateTimeOffset now) => !HasEnded(now) && StartsAt <= now;
}
