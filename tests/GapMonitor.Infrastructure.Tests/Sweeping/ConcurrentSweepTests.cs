using GapMonitor.Core.Alerts;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Sweeping;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GapMonitor.Infrastructure.Tests.Sweeping;

/// <summary>Two instances sweeping the same storage at once (scale-out, or POST /api/sweep during a timer run).</summary>
[Collection(AzuriteCollection.Name)]
public class ConcurrentSweepTests(AzuriteFixture azurite, ITestOutputHelper output) : StorageTestBase(azurite)
{
    private const int Rounds = 5;
    private const int SystemsPerRound = 50;
    private static readonly string[] CustomerEmails = ["ml@acme.example", "oncall@acme.example"];
    private static readonly TimeSpan UntilDown = TimeSpan.FromHours(1) + TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task RunAsync_WhenTwoSweepsRunInParallel_OpensOneAlertPerSystemAndDeliversEveryNotificationOnce()
    {
        var email = new RecordingSender(NotificationChannel.Email);
        await using var first = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, email);
        await using var second = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, email);
        var conflicts = 0;

        for (var round = 0; round < Rounds; round++)
        {
            var ids = Enumerable.Range(0, SystemsPerRound).Select(i => $"r{round}-sys-{i:D2}").ToList();
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, _) => await CreateAsync(SilentSystem(id)));
            Time.Advance(UntilDown);

            var summaries = await Task.WhenAll(
                Task.Run(() => first.GetRequiredService<SweepService>().RunAsync()),
                Task.Run(() => second.GetRequiredService<SweepService>().RunAsync()));

            conflicts += summaries.Sum(s => s.Conflicts);
            Assert.Equal(SystemsPerRound, summaries.Sum(s => s.AlertsOpened));
            Assert.Equal(SystemsPerRound * CustomerEmails.Length, summaries.Sum(s => s.NotificationsDelivered));
            foreach (var id in ids)
            {
                await AssertOneAlertAndOneDeliveredOpeningPerContactAsync(id);
            }
        }

        var sent = email.SentIds;
        Assert.Equal(Rounds * SystemsPerRound * CustomerEmails.Length, sent.Count);
        Assert.Equal(sent.Count, sent.Distinct().Count());
        Assert.Equal(0, await first.GetRequiredService<IOutbox>().CountPendingAsync());
        output.WriteLine("{0} evaluations lost a race and were dropped", conflicts);
    }

    private async Task AssertOneAlertAndOneDeliveredOpeningPerContactAsync(string systemId)
    {
        var alert = Assert.Single(await QueryAlertsAsync(new AlertQuery(SystemId: systemId)));
        Assert.Equal((AlertKinds.MonitoringSilent, AlertState.Open), (alert.Kind, alert.State));
        var notifications = await RowsAsync(systemId, "notification-");
        Assert.Equal(CustomerEmails, notifications.Select(n => n.GetString("Target")).Order(StringComparer.Ordinal));
        Assert.All(notifications, n =>
        {
            Assert.Equal(alert.Id, n.GetString("AlertId"));
            Assert.Equal(NotificationTypes.Opened, n.GetString("Type"));
            Assert.Equal(nameof(NotificationState.Delivered), n.GetString("State"));
            Assert.Equal(1, n.GetInt32("Attempts"));
        });
        Assert.Single(await Systems.GetAuditAsync(systemId, 10), a => a.Action == "alert.opened");
    }

    /// <summary>Registered now, handed over a month ago (the customer owns operations), no heartbeat yet.</summary>
    private MonitoredSystem SilentSystem(string id)
    {
        var builder = new SystemBuilder().WithId(id)
            .RegisteredAt(Time.GetUtcNow())
            .HandedOverAt(Time.GetUtcNow() - TimeSpan.FromDays(30))
            .AcknowledgeWithin(TimeSpan.FromDays(7))
            .WithEmail(Party.Vendor, "ops@modelworks.example");
        foreach (var address in CustomerEmails)
        {
            builder.WithEmail(Party.Customer, address);
        }

        return builder.Build();
    }
}
