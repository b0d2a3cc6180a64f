using GapMonitor.Api.Scheduling;
using GapMonitor.Core.Sweeping;
using GapMonitor.Core.Sweeping.Shards;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Queues;

/// <summary>
/// Pulls, evaluates and delivers one shard of the sweep. A failure leaves the message to be tried again; after
/// host.json's <c>maxDequeueCount</c> the Functions host moves it to <c>{queue}-poison</c>.
/// </summary>
public sealed class SweepShardTrigger(SweepService sweep)
{
    [Function(QueueConsumers.SweepShard)]
    public async Task RunAsync([QueueTrigger(QueueConsumers.SweepQueueTrigger, Connection = QueueConsumers.Connection)] string message, CancellationToken cancellationToken) =>
        await sweep.RunShardAsync(SweepShardMessage.Read(message), cancellationToken);
}
