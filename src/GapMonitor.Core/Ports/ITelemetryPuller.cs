using GapMonitor.Core.Sweeping.Shards;

namespace GapMonitor.Core.Ports;

/// <summary>The first step of a sweep: pull telemetry from the sources configured on systems.</summary>
public interface ITelemetryPuller
{
    Task<PullSummary> PullAsync(CancellationToken cancellationToken = default);

    /// <summary>Pulls the systems of one shard only (a queued sweep's pull).</summary>
    Task<PullSummary> PullAsync(SweepShard shard, CancellationToken cancellationToken = default);

    /// <summary>
    /// Pulls <paramref name="systems"/>, the systems of <paramref name="shard"/> as the caller just listed them (it
    /// evaluates them next, so the pull need not list them again), and says in <see cref="PullSummary.Pulled"/> which
    /// of them it worked on.
    /// </summary>
    Task<PullSummary> PullAsync(SweepShard shard, IReadOnlyList<SystemWithAlerts> systems, CancellationToken cancellationToken = default) =>
        PullAsync(shard, cancellationToken);
}
