using GapMonitor.Core.Alerts;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Sweeping;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GapMonitor.Infrastructure.Tests.Sweeping;

/// <summary>Two instances sweeping at once when reminders come due: each reminder is decided, stored and sent once.</summary>
[Collection(AzuriteCollection.Name)]
public class ConcurrentReminderTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private const int Rounds = 3;
    private const int SystemCount = 25;
    private static readonly string[] CustomerEmails = ["ml@acme.example", "oncall@acme.example"];
    private static readonly TimeSpan RemindEvery = TimeSpan.FromHours(1);
    private static readonly TimeSpan UntilDown = TimeSpan.FromHours(1) + TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task RunAsync_WhenTwoSweepsRunInParallelAsRemindersComeDue_SendsEachReminderOnce()
    {
        var email = new RecordingSender(NotificationChannel.Email);
        await using var first = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, KeepHistoryLive, email);
        await using var second = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, KeepHistoryLive, email);
        var ids = Enumerable.Range(0, SystemCount).Select(i => $"remind-{i:D2}").ToList();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) => await CreateAsync(SilentSystem(id)));
        Time.Advance(UntilDown);
        await first.GetRequiredService<SweepService>().RunAsync();

        for (var round = 1; round <= Rounds; round++)
        {
            Time.Advance(RemindEvery);
            await Task.WhenAll(
                Task.Run(() => first.GetRequiredService<SweepService>().RunAsync()),
                Task.Run(() => second.GetRequiredService<SweepService>().RunAsync()));

            foreach (var id in ids)
            {
                var reminders = (await RowsAsync(id, "notification-")).Where(n => n.GetString("Type") == NotificationTypes.Reminder).ToList();
                Assert.Equal(round * CustomerEmails.Length, reminders.Count);
                Assert.Equal(round, (await Systems.GetAuditAsync(id, 50)).Count(a => a.Action == "alert.reminder"));
                var alert = Assert.Single((await Systems.GetAsync(id))!.ActiveAlerts);
                Assert.Equal((AlertState.Open, Time.GetUtcNow()), (alert.State, alert.LastNotifiedAt));
            }
        }

        var sent = email.SentIds;
        Assert.Equal(SystemCount * CustomerEmails.Length * (Rounds + 1), sent.Count);
        Assert.Equal(sent.Count, sent.Distinct().Count());
        Assert.Equal(0, await first.GetRequiredService<IOutbox>().CountPendingAsync());
    }

    private static void KeepHistoryLive(IServiceCollection services) => services.RemoveAll<IHistoryArchive>();

    /// <summary>Handed over a month ago (the customer owns operations), never escalating within the test, reminding hourly.</summary>
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

        return builder.Build() with { Alerting = new AlertingSettings(RemindEvery, TimeSpan.FromDays(3)) };
    }
}
