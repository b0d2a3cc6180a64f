namespace GapMonitor.Core.Systems;

/// <summary>
/// Where a system is in its handover, kept on the system row so that every step is written atomically with it: which
/// handover notices went out (or were passed over) and the latest ownership confirmations, newest first.
/// </summary>
public sealed record HandoverProgress
{
    /// <summary>How many confirmations the row keeps; older ones are dropped.</summary>
    public const int MaxConfirmations = 50;

    /// <summary>
    /// For systems stored before ownership was tracked: when tracking started (the first confirmation is due
    /// <see cref="OwnershipSettings.ConfirmWithin"/> after it). Null for systems registered since.
    /// </summary>
    public DateTimeOffset? TrackedSince { get; init; }

    public DateTimeOffset? StartedNoticeAt { get; init; }
    public DateTimeOffset? GraceEndingNoticeAt { get; init; }
    public DateTimeOffset? CompletedNoticeAt { get; init; }

    /// <summary>Newest first, at most <see cref="MaxConfirmations"/>.</summary>
    public IReadOnlyList<OwnershipConfirmationRecord> Confirmations { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public OwnershipConfirmationRecord? LastConfirmation => Confirmations.Count > 0 ? Confirmations[0] : null;

    /// <summary>Equal when every field and every confirmation is (a list compares by reference otherwise).</summary>
    public bool Equals(HandoverProgress? other) =>
        other is not null
        && TrackedSince == other.TrackedSince
        && StartedNoticeAt == other.StartedNoticeAt
        && GraceEndingNoticeAt == other.GraceEndingNoticeAt
        && CompletedNoticeAt == other.CompletedNoticeAt
        && Confirmations.SequenceEqual(other.Confirmations);

    public override int GetHashCode() => HashCode.Combine(TrackedSince, StartedNoticeAt, GraceEndingNoticeAt, CompletedNoticeAt, Confirmations.Count);

    public HandoverProgress WithConfirmation(OwnershipConfirmationRecord confirmation) =>
        this with { Confirmations = [confirmation, .. Confirmations.Take(MaxConfirmations - 1)] };
}
