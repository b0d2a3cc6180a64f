using GapMonitor.Core.Sweeping.Shards;

namespace GapMonitor.Core.Ports;

/// <summary>
/// The queue the sweep fans out through: the sweep timer enqueues shards, queue consumers (Functions' queue trigger,
/// <c>gapmonitor serve --workers N</c>) sweep one each. A message that keeps failing ends in the poison queue.
/// </summary>
public interface ISweepShardQueue
{
    /// <summary>The queue's name; its poison queue is this name + <c>-poison</c>.</summary>
    string Name { get; }

    Task EnqueueAsync(IReadOnlyList<SweepShard> shards, CancellationToken cancellationToken = default);

    /// <summary>Approximate numbers of messages waiting in the queue and in its poison queue.</summary>
    Task<SweepQueueDepths> GetDepthsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that the schedule occurrence <paramref name="occurrence"/> has been enqueued; false when another process
    /// (or an earlier try) already did, so each occurrence fans out once however many hosts share the storage.
    /// </summary>
    Task<bool> TryClaimOccurrenceAsync(DateTimeOffset occurrence, CancellationToken cancellationToken = default);
}
