using GapMonitor.Core.Delivery;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Sweeping;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Infrastructure.Tests.Sweeping;

/// <summary>A receiver that is down delays delivery and loses nothing.</summary>
[Collection(AzuriteCollection.Name)]
public class OutboxRecoveryTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly TimeSpan UntilDown = TimeSpan.FromHours(1) + TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task DeliverDueAsync_WhenReceiverFailsTwiceThenRecovers_DeliversOnThirdAttemptWithEveryAttemptRecorded()
    {
        var email = new RecordingSender(NotificationChannel.Email, m => m.Notification.Attempts switch
        {
            0 => throw new IOException("Connection refused"),
            1 => DeliveryResult.Failure("451 4.3.0 Try again later"),
            _ => DeliveryResult.Success,
        });
        await using var graph = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, email);
        var alertId = await OpenAlertAsync(graph, "recover");
        var delivery = graph.GetRequiredService<OutboxDelivery>();

        Assert.Equal(new DeliverySummary(0, 1, 0, 0), await delivery.DeliverDueAsync());
        Assert.Equal(new DeliverySummary(0, 0, 0, 0), await delivery.DeliverDueAsync());
        Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(new DeliverySummary(0, 1, 0, 0), await delivery.DeliverDueAsync());
        Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(new DeliverySummary(1, 0, 0, 0), await delivery.DeliverDueAsync());
        Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new DeliverySummary(0, 0, 0, 0), await delivery.DeliverDueAsync());

        var history = await new TableAlertStore(Tables).GetAsync(alertId);
        var notification = Assert.Single(history!.Notifications);
        Assert.Equal((NotificationState.Delivered, 3), (notification.State, notification.Attempts));
        Assert.Equal([1, 2, 3], history.Attempts.Select(a => a.Attempt));
        Assert.Equal([false, false, true], history.Attempts.Select(a => a.Succeeded));
        Assert.Contains("Connection refused", history.Attempts[0].Error, StringComparison.Ordinal);
        Assert.Contains("451", history.Attempts[1].Error, StringComparison.Ordinal);
        Assert.Equal([notification.Id, notification.Id, notification.Id], email.SentIds);
        Assert.Equal(0, await graph.GetRequiredService<IOutbox>().CountPendingAsync());
    }

    [Fact]
    public async Task DeliverDueAsync_WhenReceiverAsksToRetryLater_WaitsThatLong()
    {
        var email = new RecordingSender(NotificationChannel.Email, m => m.Notification.Attempts == 0
            ? DeliveryResult.Failure("429 Too Many Requests", retryAfter: TimeSpan.FromMinutes(10))
            : DeliveryResult.Success);
        await using var graph = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, email);
        await OpenAlertAsync(graph, "later");
        var delivery = graph.GetRequiredService<OutboxDelivery>();

        await delivery.DeliverDueAsync();
        Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        var early = await delivery.DeliverDueAsync();
        Time.Advance(TimeSpan.FromSeconds(1));
        var due = await delivery.DeliverDueAsync();

        Assert.Equal(0, early.Delivered + early.Retrying);
        Assert.Equal(1, due.Delivered);
        Assert.Equal(2, email.SentIds.Count);
    }

    [Fact]
    public async Task DeliverDueAsync_WhenReceiverNeverRecovers_GivesUpOnlyAfterTheHorizon()
    {
        var email = new RecordingSender(NotificationChannel.Email, _ => DeliveryResult.Failure("550 mailbox unavailable"));
        await using var graph = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, email);
        var alertId = await OpenAlertAsync(graph, "dead");
        var delivery = graph.GetRequiredService<OutboxDelivery>();

        var failed = 0;
        for (var hour = 0; hour < 48 && failed == 0; hour++)
        {
            failed = (await delivery.DeliverDueAsync()).Failed;
            Time.Advance(TimeSpan.FromHours(1));
        }

        Time.Advance(TimeSpan.FromDays(7));
        await delivery.DeliverDueAsync();
        var history = await new TableAlertStore(Tables).GetAsync(alertId);
        var notification = Assert.Single(history!.Notifications);
        Assert.Equal(NotificationState.Failed, notification.State);
        Assert.Equal(notification.Attempts, history.Attempts.Count);
        Assert.Equal(notification.Attempts, email.SentIds.Count);
        Assert.InRange(history.Attempts[^1].At - notification.CreatedAt, TimeSpan.FromHours(23), RetrySchedule.Default.GiveUpAfter);
    }

    private async Task<string> OpenAlertAsync(IServiceProvider graph, string systemId)
    {
        await CreateAsync(new SystemBuilder().WithId(systemId).RegisteredAt(Time.GetUtcNow())
            .WithEmail(Party.Customer, "ml@acme.example").Build());
        Time.Advance(UntilDown);
        var outcome = await graph.GetRequiredService<SystemEvaluation>().EvaluateAsync((await Systems.GetAsync(systemId))!);
        Assert.Equal(1, outcome.Opened);
        return Assert.Single((await Systems.GetAsync(systemId))!.ActiveAlerts).Id;
    }
}
