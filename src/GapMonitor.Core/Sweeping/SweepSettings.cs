namespace GapMonitor.Core.Sweeping;

/// <param name="PullBudget">
/// How long a sweep waits for its telemetry pull before it evaluates anyway (the pull goes on and saves its checkpoints
/// as it would have; a queued shard's pull only until its sweep ends): one unresponsive source never delays gap
/// detection by more than this.
/// </param>
public sealed record SweepSettings(TimeSpan PullBudget)
{
    /// <summary>Systems per queued shard (<see cref="Shards.SweepShardPlanner"/>).</summary>
    public int SystemsPerShard { get; init; } = Shards.SweepShardPlanner.SystemsPerShard;

    public static SweepSettings Default { get; } = new(TimeSpan.FromSeconds(20));
}
