using GapMonitor.Core.Notifications;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Infrastructure.Tests.Reliability;

/// <summary>
/// The one moment a storage failure can turn into a duplicate: the receiver has the webhook, the service has not yet
/// recorded it. Storage goes down right then for longer than the storage client's own retries, and comes back soon.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageOutageAfterSendTests(AzuriteFixture azurite)
{
    // The storage client tries 4 times; the outage outlasts that, then storage is back.
    private const int RefusedConnections = 6;

    [Fact]
    public async Task Sweep_WhenStorageFailsBetweenSendAndRecord_DoesNotSendTheWebhookAgain()
    {
        var time = new FakeTimeProvider(SystemBuilder.Epoch);
        await using var proxy = CuttableTcpProxy.Start(ReliabilityGraph.TableEndpoint(azurite.ConnectionString));
        await using var receiver = TestWebhookReceiver.Start(timeProvider: time);
        receiver.Responder = (request, _) =>
        {
            if (request.Number == 1)
            {
                proxy.GoDown(RefusedConnections);
            }

            return Task.FromResult(WebhookReply.NoContent);
        };
        await using var scenario = await OneSystemScenario.StartAsync(
            azurite, time, new Contact(Party.Customer, null, new WebhookEndpoint(receiver.Url, receiver.Secret)), storageProxy: proxy);

        var errors = new List<string>();
        for (var sweep = 0; sweep < 5; sweep++)
        {
            try
            {
                await scenario.SweepAsync();
            }
            catch (Exception ex)
            {
                // Whether a sweep may fail with storage is another rule; here only what the receiver gets counts.
                errors.Add($"{ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
            }

            time.Advance(TimeSpan.FromMinutes(5));
        }

        var history = await scenario.AlertAsync();
        var notification = Assert.Single(history.Notifications);
        Assert.Equal(NotificationState.Delivered, notification.State);
        Assert.True(receiver.Requests.Count == 1, $"The receiver got webhook {notification.Id} {receiver.Requests.Count} times; sweep errors: {string.Join(" | ", errors)}");
    }
}
