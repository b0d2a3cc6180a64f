using GapMonitor.Core.Delivery;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Infrastructure.Tests.Sweeping;
using GapMonitor.Infrastructure.Tests.Webhooks;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Infrastructure.Tests.Delivery;

/// <summary>
/// A system whose receivers are slow takes longer to deliver to than one lease lasts. Another delivery run (a second
/// instance, or the delivery timer during a sweep) must still never send what the first run is sending or has sent.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class SlowReceiverDeliveryTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private const int Receivers = 20;
    private static readonly TimeSpan ReceiverTakes = TimeSpan.FromSeconds(7);
    private static readonly TimeSpan UntilDown = TimeSpan.FromHours(1) + TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task DeliverDueAsync_WhenSlowReceiversOutlastTheLeaseAndAnotherRunStarts_SendsEachNotificationOnce()
    {
        var receivers = Enumerable.Range(0, Receivers).Select(_ => TestWebhookReceiver.Start(timeProvider: Time)).ToList();
        var otherRunDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await using var webhooks = new WebhookTestHost(allowPrivateNetworks: true, Time);
            await using var first = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, webhooks.Sender);
            await using var second = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, webhooks.Sender);
            await OpenAlertAsync(first, receivers);

            // Each receiver takes its time (on the fake clock) over its first request; the second-to-last one holds
            // its answer until the other run, started when the first run's original lease has expired, is done.
            var firstRequests = 0;
            var lateInTheRun = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            foreach (var receiver in receivers)
            {
                receiver.Responder = async (request, ct) =>
                {
                    if (request.Number == 1)
                    {
                        Time.Advance(ReceiverTakes);
                        if (Interlocked.Increment(ref firstRequests) == Receivers - 1)
                        {
                            lateInTheRun.SetResult();
                            await otherRunDone.Task.WaitAsync(ct);
                        }
                    }

                    return WebhookReply.NoContent;
                };
            }

            var firstRun = Task.Run(() => first.GetRequiredService<OutboxDelivery>().DeliverDueAsync());
            await lateInTheRun.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(Time.GetUtcNow() - SystemBuilder.Epoch - UntilDown > TimeSpan.FromMinutes(2), "the original lease has expired");
            var secondSummary = await second.GetRequiredService<OutboxDelivery>().DeliverDueAsync();
            otherRunDone.SetResult();
            var firstSummary = await firstRun;

            Assert.Equal(new DeliverySummary(0, 0, 0, 0), secondSummary);
            Assert.Equal(new DeliverySummary(Receivers, 0, 0, 0), firstSummary);
            Assert.Equal(0, receivers.Count(r => r.Requests.Count != 1));
            Assert.Equal(Receivers, receivers.Select(r => r.Requests[0].Header("webhook-id")).Distinct().Count());
            Assert.Equal((Receivers, 0), (firstSummary.Delivered, secondSummary.Delivered));
            var notifications = await RowsAsync("slow", "notification-");
            Assert.All(notifications, n => Assert.Equal((nameof(NotificationState.Delivered), 1), (n.GetString("State"), n.GetInt32("Attempts"))));
            Assert.Equal(Receivers, (await RowsAsync("slow", "attempt-")).Count);
        }
        finally
        {
            otherRunDone.TrySetResult();
            foreach (var receiver in receivers)
            {
                await receiver.DisposeAsync();
            }
        }
    }

    private async Task OpenAlertAsync(IServiceProvider graph, List<TestWebhookReceiver> receivers)
    {
        var builder = new SystemBuilder().WithId("slow").RegisteredAt(Time.GetUtcNow()).HandedOverAt(Time.GetUtcNow() - TimeSpan.FromDays(30));
        foreach (var receiver in receivers)
        {
            builder.WithWebhook(Party.Customer, receiver.Url.AbsoluteUri, receiver.Secret);
        }

        await CreateAsync(builder.Build());
        Time.Advance(UntilDown);
        var outcome = await graph.GetRequiredService<Core.Sweeping.SystemEvaluation>().EvaluateAsync((await Systems.GetAsync("slow"))!);
        Assert.Equal((1, Receivers), (outcome.Opened, outcome.Notifications));
    }
}
