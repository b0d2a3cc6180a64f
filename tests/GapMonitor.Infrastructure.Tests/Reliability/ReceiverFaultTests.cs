using System.Net;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Infrastructure.Tests.Reliability;

/// <summary>Webhook receivers that hang, ask for time, are gone for good, or are down and come back — through sweeps on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReceiverFaultTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan LongestFirstRetry = TimeSpan.FromSeconds(31);
    private static readonly TimeSpan RealTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sweep_WhenReceiverHangs_TimesOutAndDeliversOnTheRetry()
    {
        var time = new FakeTimeProvider(SystemBuilder.Epoch);
        await using var receiver = TestWebhookReceiver.Start(timeProvider: time);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Responder = async (request, stopping) =>
        {
            if (request.Number == 1)
            {
                await release.Task.WaitAsync(stopping);
            }

            return WebhookReply.NoContent;
        };
        await using var scenario = await OneSystemScenario.StartAsync(azurite, time, Webhook(receiver));

        var sweeping = scenario.SweepAsync();
        await receiver.WaitForRequestAsync();
        time.Advance(TimeSpan.FromSeconds(11));
        var first = await sweeping.WaitAsync(RealTimeout);
        release.SetResult();
        time.Advance(LongestFirstRetry);
        var second = await scenario.SweepAsync();

        Assert.Equal((0, 1), (first.NotificationsDelivered, first.NotificationsRetrying));
        Assert.Equal(1, second.NotificationsDelivered);
        var history = await scenario.AlertAsync();
        var notification = Assert.Single(history.Notifications);
        Assert.Equal((NotificationState.Delivered, 2), (notification.State, notification.Attempts));
        Assert.Contains("did not answer within", history.Attempts[0].Error, StringComparison.Ordinal);
        Assert.Equal([notification.Id, notification.Id], receiver.Requests.Select(r => r.Header("webhook-id")));
    }

    [Fact]
    public async Task Sweep_WhenReceiverAnswers503WithRetryAfter_WaitsExactlyThatLong()
    {
        var time = new FakeTimeProvider(SystemBuilder.Epoch);
        await using var receiver = TestWebhookReceiver.Start(timeProvider: time);
        receiver.Responder = (request, _) => Task.FromResult(request.Number == 1
            ? WebhookReply.WithRetryAfter(HttpStatusCode.ServiceUnavailable, "600")
            : WebhookReply.NoContent);
        await using var scenario = await OneSystemScenario.StartAsync(azurite, time, Webhook(receiver));

        await scenario.SweepAsync();
        time.Advance(TimeSpan.FromSeconds(599));
        var early = await scenario.SweepAsync();
        time.Advance(TimeSpan.FromSeconds(1));
        var due = await scenario.SweepAsync();

        Assert.Equal((0, 0), (early.NotificationsDelivered, early.NotificationsRetrying));
        Assert.Equal(1, due.NotificationsDelivered);
        Assert.Equal(2, receiver.Requests.Count);
        var history = await scenario.AlertAsync();
        Assert.Equal(TimeSpan.FromSeconds(600), history.Attempts[1].At - history.Attempts[0].At);
        Assert.StartsWith("HTTP 503", history.Attempts[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_WhenReceiverAnswers410Gone_MarksTheNotificationFailedAndNeverRetries()
    {
        var time = new FakeTimeProvider(SystemBuilder.Epoch);
        await using var receiver = TestWebhookReceiver.Start(timeProvider: time);
        receiver.FailFirst = int.MaxValue;
        receiver.FailureStatus = HttpStatusCode.Gone;
        await using var scenario = await OneSystemScenario.StartAsync(azurite, time, Webhook(receiver));

        var first = await scenario.SweepAsync();
        for (var hour = 0; hour < 25; hour++)
        {
            time.Advance(TimeSpan.FromHours(1));
            await scenario.SweepAsync();
        }

        Assert.Equal(1, first.NotificationsFailed);
        var history = await scenario.AlertAsync();
        var opened = Assert.Single(history.Notifications, n => n.Type == NotificationTypes.Opened);
        Assert.Equal((NotificationState.Failed, 1), (opened.State, opened.Attempts));
        Assert.StartsWith("HTTP 410", opened.LastError, StringComparison.Ordinal);
        Assert.Single(receiver.Requests, r => r.Header("webhook-id") == opened.Id);
    }

    [Fact]
    public async Task Sweep_WhenReceiverIsDownAndComesBack_DeliversOnceAfterItIsBack()
    {
        var time = new FakeTimeProvider(SystemBuilder.Epoch);
        var port = FreeTcpPort.Next();
        var secret = TestWebhookReceiver.NewSecret();
        var url = new Uri($"http://127.0.0.1:{port}/webhook");
        await using var scenario = await OneSystemScenario.StartAsync(azurite, time, new Contact(Party.Customer, null, new WebhookEndpoint(url, secret)));

        var down = await scenario.SweepAsync();
        await using var receiver = TestWebhookReceiver.Start(secret, time, port: port);
        time.Advance(LongestFirstRetry);
        var back = await scenario.SweepAsync();
        time.Advance(TimeSpan.FromHours(1));
        await scenario.SweepAsync();

        Assert.Equal((0, 1), (down.NotificationsDelivered, down.NotificationsRetrying));
        Assert.Equal(1, back.NotificationsDelivered);
        var history = await scenario.AlertAsync();
        var notification = Assert.Single(history.Notifications);
        Assert.Equal((NotificationState.Delivered, 2), (notification.State, notification.Attempts));
        var request = Assert.Single(receiver.Requests);
        Assert.Equal(notification.Id, request.Header("webhook-id"));
        Assert.True(request.SignatureValid, request.SignatureFailure);
    }

    private static Contact Webhook(TestWebhookReceiver receiver) => new(Party.Customer, null, new WebhookEndpoint(receiver.Url, receiver.Secret));
}
