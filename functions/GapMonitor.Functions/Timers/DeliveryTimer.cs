using GapMonitor.Api.Scheduling;
using GapMonitor.Core.Delivery;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Timers;

/// <summary>Drains the notification outbox between sweeps, on <c>GapMonitor:DeliverySchedule</c>.</summary>
public sealed class DeliveryTimer(OutboxDelivery delivery)
{
    [Function(Schedules.DeliveryTimer)]
    public async Task RunAsync([TimerTrigger(Schedules.DeliveryTrigger, RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken) =>
        await delivery.DeliverDueAsync(cancellationToken);
}
