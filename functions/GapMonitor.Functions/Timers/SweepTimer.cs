using GapMonitor.Api.Scheduling;
using GapMonitor.Core.Sweeping;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Timers;

/// <summary>The full sweep (pull → evaluate → deliver) on <c>GapMonitor:SweepSchedule</c>.</summary>
public sealed class SweepTimer(SweepService sweep)
{
    [Function(Schedules.SweepTimer)]
    public async Task RunAsync([TimerTrigger(Schedules.SweepTrigger, RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken) =>
        await sweep.RunAsync(cancellationToken);
}
