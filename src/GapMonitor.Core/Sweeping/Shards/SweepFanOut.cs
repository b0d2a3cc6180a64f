using GapMonitor.Core.Observability;
using GapMonitor.Core.Ports;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Core.Sweeping.Shards;

/// <summary>
/// What the sweep timer does: cut the fleet into shards and put them on the queue, once per schedule occurrence however
/// many hosts share the storage. The work itself is done by the queue's consumers (<see cref="SweepService.RunShardAsync"/>).
/// </summary>
public sealed class SweepFanOut(ISystemStore store, ISweepShardQueue queue, SweepSettings settings, ILogger<SweepFanOut> logger, GapMonitorMetrics? metrics = null)
{
    /// <returns>
    /// The shards enqueued: none when another host already fanned this occurrence out, or when shards of an earlier
    /// sweep are still waiting or being swept (a sweep that takes longer than the schedule's interval is not piled on).
    /// </returns>
    public async Task<int> EnqueueAsync(DateTimeOffset occurrence, CancellationToken cancellationToken = default)
    {
        var depths = await ReadDepthsAsync(cancellationToken);
        if (depths.Pending > 0)
        {
            logger.LogWarning("Sweep of {Occurrence:O} skipped: {Pending} shard(s) of an earlier sweep are still on {Queue}", occurrence, depths.Pending, queue.Name);
            return 0;
        }

        if (!await queue.TryClaimOccurrenceAsync(occurrence, cancellationToken))
        {
            logger.LogDebug("The sweep of {Occurrence:O} was already enqueued by another host", occurrence);
            return 0;
        }

        var ids = new List<string>();
        await foreach (var id in store.ListIdsAsync(cancellationToken))
        {
            ids.Add(id);
        }

        var shards = SweepShardPlanner.Plan(ids, settings.SystemsPerShard);
        await queue.EnqueueAsync(shards, cancellationToken);
        logger.LogInformation("Sweep of {Occurrence:O}: {Systems} systems in {Shards} shard(s) enqueued on {Queue}", occurrence, ids.Count, shards.Count, queue.Name);
        return shards.Count;
    }

    /// <summary>Reads both queues' depths and records them in the metrics.</summary>
    public async Task<SweepQueueDepths> ReadDepthsAsync(CancellationToken cancellationToken = default)
    {
        var depths = await queue.GetDepthsAsync(cancellationToken);
        metrics?.QueueDepth(queue.Name, depths.Pending);
        metrics?.QueueDepth(SweepQueueNames.PoisonOf(queue.Name), depths.Poison);
        return depths;
    }
}
