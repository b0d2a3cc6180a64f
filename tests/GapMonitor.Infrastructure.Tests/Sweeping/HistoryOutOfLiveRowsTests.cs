using Azure.Data.Tables;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Signals;
using GapMonitor.Core.Sweeping;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Infrastructure.Tests.Sweeping;

/// <summary>After an alert is opened, told, resolved and told, its history is out of the rows the sweep scans, and still readable.</summary>
[Collection(AzuriteCollection.Name)]
public class HistoryOutOfLiveRowsTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    [Fact]
    public async Task RunAsync_WhenAnAlertIsResolvedAndEveryoneTold_LeavesOnlyTheSystemRowLive_AndReadsStillShowTheHistory()
    {
        var email = new RecordingSender(NotificationChannel.Email);
        await using var graph = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, email);
        var sweep = graph.GetRequiredService<SweepService>();
        await CreateAsync(new SystemBuilder().WithId("archived").RegisteredAt(Time.GetUtcNow())
            .WithEmail(Party.Customer, "ml@acme.example").WithEmail(Party.Vendor, "ops@modelworks.example").Build());
        Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, (await sweep.RunAsync()).AlertsOpened);
        var alertId = Assert.Single((await Systems.GetAsync("archived"))!.ActiveAlerts).Id;
        Time.Advance(TimeSpan.FromMinutes(5));
        await graph.GetRequiredService<SignalIngestion>().RecordHeartbeatAsync((await Systems.GetAsync("archived"))!.System, HeartbeatStatus.Ok, at: null, message: null);

        // The heartbeat resolved the alert (written with its notifications); the sweep delivers them.
        Assert.Equal(1, (await sweep.RunAsync()).NotificationsDelivered);

        Assert.Equal(["system"], await LiveRowKeysAsync());
        var history = await new TableAlertStore(Tables).GetAsync(alertId);
        Assert.Equal(AlertState.Resolved, history!.Alert.State);
        Assert.Equal(email.SentIds.Order(StringComparer.Ordinal), history.Notifications.Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.All(history.Notifications, n => Assert.Equal(NotificationState.Delivered, n.State));
        Assert.Equal(history.Notifications.Count, history.Attempts.Count);
        Assert.Equal([alertId], (await QueryAlertsAsync(new AlertQuery(State: AlertState.Resolved))).Select(a => a.Id));
        Assert.Equal([alertId], (await QueryAlertsAsync(new AlertQuery(SystemId: "archived"))).Select(a => a.Id));
        Assert.Equal(
            ["alert.resolved", "alert.opened", "system.registered"],
            (await Systems.GetAuditAsync("archived", 10)).Select(a => a.Action));
        Assert.Single(await ToListAsync(Systems.ListAllAsync()));
    }

    [Fact]
    public async Task DeliverDueAsync_WhenANotificationWillBeRetried_KeepsItAndItsAttemptLive_AndMovesTheFinishedOne()
    {
        var email = new RecordingSender(
            NotificationChannel.Email,
            m => m.Notification.Target == "flaky@acme.example" ? DeliveryResult.Failure("mailbox busy") : DeliveryResult.Success);
        await using var graph = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, email);
        await CreateAsync(new SystemBuilder().WithId("retrying").RegisteredAt(Time.GetUtcNow())
            .WithEmail(Party.Customer, "ml@acme.example").WithEmail(Party.Customer, "flaky@acme.example").Build());
        Time.Advance(TimeSpan.FromHours(2));

        await graph.GetRequiredService<SweepService>().RunAsync();

        var live = await LiveRowKeysAsync();
        var pending = Assert.Single(live, k => k.StartsWith("notification-", StringComparison.Ordinal));
        var attempt = Assert.Single(live, k => k.StartsWith("attempt-", StringComparison.Ordinal));
        Assert.StartsWith("attempt-" + pending["notification-".Length..], attempt, StringComparison.Ordinal);
        Assert.Equal(["active-" + AlertKinds.MonitoringSilent, attempt, pending, "system"], live);
        var alertId = Assert.Single((await Systems.GetAsync("retrying"))!.ActiveAlerts).Id;
        var history = await new TableAlertStore(Tables).GetAsync(alertId);
        Assert.Equal([NotificationState.Pending, NotificationState.Delivered], history!.Notifications.Select(n => n.State).Order());
    }

    private async Task<List<string>> LiveRowKeysAsync()
    {
        var keys = new List<string>();
        await foreach (var row in Tables.Systems.QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            keys.Add(row.RowKey);
        }

        return keys;
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
