using GapMonitor.Core.Ports;

namespace GapMonitor.Infrastructure.Tests.Sweeping;

/// <summary>A telemetry puller whose whole run fails.</summary>
internal sealed class ThrowingPuller : ITelemetryPuller
{
    public Task<PullSummary> PullAsync(CancellationToken cancellationToken = default) => throw new InvalidOperationException("Injected pull failure.");

    public Task<PullSummary> PullAsync(Core.Sweeping.Shards.SweepShard shard, CancellationToken cancellationToken = default) => PullAsync(cancellationToken);
}
