namespace GapMonitor.Core.Sweeping.Shards;

/// <summary>
/// Cuts the fleet into shards of at most <see cref="SystemsPerShard"/> systems, at the ids the fleet has now. The shards
/// cover the whole key space (the first starts at the beginning, the last runs to the end, each starts where the one
/// before ends), so a system registered after planning still falls in exactly one shard.
/// </summary>
public static class SweepShardPlanner
{
    /// <summary>
    /// One shard is one queue message: large enough that a fleet of 100,000 is 100 messages, small enough that one
    /// worker finishes its worst case (every system opening an alert: 3 storage requests each) well inside the message's
    /// visibility timeout.
    /// </summary>
    public const int SystemsPerShard = 1000;

    /// <param name="ids">The system ids in ordinal order (how the systems table lists its partitions).</param>
    public static IReadOnlyList<SweepShard> Plan(IReadOnlyList<string> ids, int systemsPerShard = SystemsPerShard)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentOutOfRangeException.ThrowIfLessThan(systemsPerShard, 1);
        var shards = new List<SweepShard>(ids.Count / systemsPerShard + 1);
        string? from = null;
        for (var next = systemsPerShard; next < ids.Count; next += systemsPerShard)
        {
            if (string.CompareOrdinal(ids[next - 1], ids[next]) >= 0)
            {
                throw new ArgumentException($"System ids must be distinct and in ordinal order ('{ids[next - 1]}' before '{ids[next]}').", nameof(ids));
            }

            shards.Add(new SweepShard(from, ids[next]));
            from = ids[next];
        }

        shards.Add(new SweepShard(from, null));
        return shards;
    }
}
