using GapMonitor.Api;
using GapMonitor.Api.Scheduling;
using GapMonitor.Composition;
using GapMonitor.Core.Sweeping.Shards;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace GapMonitor.Functions.Timers;

/// <summary>
/// The sweep on <c>GapMonitor:SweepSchedule</c>: enqueues the fleet's shards for <see cref="Queues.SweepShardTrigger"/>
/// (the sweep itself when no queue is configured). The Functions timer runs once across instances; the occurrence it
/// claims is the one the schedule names, not the moment it fired, so it matches what standalone hosts claim.
/// </summary>
public sealed class SweepTimer(SweepTick tick, IOptions<GapMonitorOptions> options, TimeProvider timeProvider)
{
    private readonly NCrontab.CrontabSchedule _schedule = CronSchedules.Parse(options.Value.SweepSchedule);

    [Function(Schedules.SweepTimer)]
    public async Task RunAsync([TimerTrigger(Schedules.SweepTrigger, RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken) =>
        await tick.RunAsync(CronSchedules.OccurrenceAt(_schedule, timeProvider.GetUtcNow()), cancellationToken);
}
