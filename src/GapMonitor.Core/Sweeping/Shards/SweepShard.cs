namespace GapMonitor.Core.Sweeping.Shards;

/// <summary>
/// A range of system ids, the unit of work of one queued sweep: <see cref="From"/> inclusive (null: from the first id),
/// <see cref="To"/> exclusive (null: to the last). System ids are the systems table's partition keys, so a shard is a
/// partition-key range and its rows are read with one range query.
/// </summary>
public sealed record SweepShard(string? From, string? To)
{
    /// <summary>Every system: what <c>POST /api/sweep</c> and a host without a queue sweep.</summary>
    public static SweepShard All { get; } = new(null, null);

    public bool IsAll => From is null && To is null;

    public bool Contains(string systemId)
    {
        ArgumentNullException.ThrowIfNull(systemId);
        return (From is null || string.CompareOrdinal(systemId, From) >= 0) && (To is null || string.CompareOrdinal(systemId, To) < 0);
    }

    public override string ToString() => $"[{From ?? "start"}, {To ?? "end"})";
}
