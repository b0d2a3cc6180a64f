using GapMonitor.Api.Scheduling;
using GapMonitor.Core.Sweeping.Shards;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Timers;

/// <summary>
/// The sweep on <c>GapMonitor:SweepSchedule</c>: enqueues the fleet's shards for <see cref="Queues.SweepShardTrigger"/>
/// (the sweep itself when no queue is configured). The Functions timer runs once across instances.
/// </summary>
public sealed class SweepTimer(SweepTick tick, TimeProvider timeProvider)
{
    [Function(Schedules.SweepTimer)]
    public async Task RunAsync([TimerTrigger(Schedules.SweepTrigger, RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken) =>
        await tick.RunAsync(timeProvider.GetUtcNow(), cancellationToken);
}
