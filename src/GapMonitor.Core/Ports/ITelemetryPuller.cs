using GapMonitor.Core.Sweeping.Shards;

namespace GapMonitor.Core.Ports;

/// <summary>The first step of a sweep: pull telemetry from the sources configured on systems.</summary>
public interface ITelemetryPuller
{
    Task<PullSummary> PullAsync(CancellationToken cancellationToken = default);

    /// <summary>Pulls the systems of one shard only (a queued sweep's pull).</summary>
    Task<PullSummary> PullAsync(SweepShard shard, CancellationToken cancellationToken = default);
}
