using GapMonitor.Api.Scheduling;
using GapMonitor.Core.Ports;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Timers;

/// <summary>Pulls telemetry from the systems' sources on <c>GapMonitor:PullSchedule</c> (the sweep pulls too, first).</summary>
public sealed class PullTimer(IEnumerable<ITelemetryPuller> pullers)
{
    [Function(Schedules.PullTimer)]
    public async Task RunAsync([TimerTrigger(Schedules.PullTrigger, RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken) =>
        await Task.WhenAll(pullers.Select(p => p.PullAsync(cancellationToken)));
}
