using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Sweeping;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GapMonitor.Infrastructure.Tests.Sweeping;

/// <summary>Two instances sweeping at once as handover notices come due: each notice is decided, stored and sent once.</summary>
[Collection(AzuriteCollection.Name)]
public class ConcurrentHandoverNoticeTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private const int SystemCount = 25;
    private static readonly TimeSpan Grace = TimeSpan.FromHours(10);
    private static readonly TimeSpan GraceEndingNotice = TimeSpan.FromHours(3);

    [Fact]
    public async Task RunAsync_WhenTwoSweepsRunInParallelAsNoticesComeDue_SendsEachNoticeOnce()
    {
        var email = new RecordingSender(NotificationChannel.Email);
        await using var first = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, KeepHistoryLive, email);
        await using var second = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, KeepHistoryLive, email);
        var ids = Enumerable.Range(0, SystemCount).Select(i => $"handover-{i:D2}").ToList();
        var handoverAt = Time.GetUtcNow() + TimeSpan.FromHours(1);
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) => await CreateAsync(Registered(id, handoverAt)));

        var moments = new (DateTimeOffset At, string Type)[]
        {
            (handoverAt, NotificationTypes.HandoverStarted),
            (handoverAt + Grace - GraceEndingNotice, NotificationTypes.HandoverGraceEnding),
            (handoverAt + Grace, NotificationTypes.HandoverCompleted),
        };
        foreach (var (at, type) in moments)
        {
            Time.SetUtcNow(at);
            await Task.WhenAll(
                Task.Run(() => first.GetRequiredService<SweepService>().RunAsync()),
                Task.Run(() => second.GetRequiredService<SweepService>().RunAsync()));
            await first.GetRequiredService<SweepService>().RunAsync();

            foreach (var id in ids)
            {
                var notices = (await RowsAsync(id, "notification-")).Where(n => n.GetString("Type") == type).ToList();
                Assert.Equal(2, notices.Count);
                Assert.Equal(1, (await Systems.GetAuditAsync(id, 50)).Count(a => a.Action == type));
            }
        }

        var sent = email.SentIds;
        Assert.Equal(SystemCount * 2 * moments.Length, sent.Count);
        Assert.Equal(sent.Count, sent.Distinct().Count());
        Assert.Equal(0, await first.GetRequiredService<IOutbox>().CountPendingAsync());
    }

    private static void KeepHistoryLive(IServiceCollection services) => services.RemoveAll<IHistoryArchive>();

    /// <summary>Registered now, handed over in an hour, confirmed at once (no ownership alert), heartbeats not expected.</summary>
    private MonitoredSystem Registered(string id, DateTimeOffset handoverAt) =>
        new SystemBuilder().WithId(id)
            .RegisteredAt(Time.GetUtcNow())
            .HandedOverAt(handoverAt)
            .WithVendorGracePeriod(Grace)
            .WithHeartbeatEvery(TimeSpan.FromDays(30), TimeSpan.Zero)
            .WithOwnership(TimeSpan.FromDays(7), TimeSpan.FromDays(90))
            .WithHandover(new HandoverProgress().WithConfirmation(new OwnershipConfirmationRecord(Time.GetUtcNow(), "ml@acme.example", "customer:acme")))
            .WithEmail(Party.Customer, "ml@acme.example")
            .WithEmail(Party.Vendor, "ops@modelworks.example")
            .Build() with
        { GraceEndingNotice = GraceEndingNotice };
}
