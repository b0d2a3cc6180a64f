using GapMonitor.Core.Sweeping;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Timers;

/// <summary>Pulls telemetry from the systems' sources on <c>GapMonitor:PullSchedule</c> (the sweep pulls too, first).</summary>
public sealed class PullTimer(IEnumerable<ITelemetryPuller> pullers)
{
    [Function(nameof(PullTimer))]
    public async Task RunAsync([TimerTrigger("%GapMonitor:PullSchedule%", RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken) =>
        await Task.WhenAll(pullers.Select(p => p.PullAsync(cancellationToken)));
}
