using GapMonitor.Core.Sweeping;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Timers;

/// <summary>The full sweep (pull → evaluate → deliver) on <c>GapMonitor:SweepSchedule</c>.</summary>
public sealed class SweepTimer(SweepService sweep)
{
    [Function(nameof(SweepTimer))]
    public async Task RunAsync([TimerTrigger("%GapMonitor:SweepSchedule%", RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken) =>
        await sweep.RunAsync(cancellationToken);
}
