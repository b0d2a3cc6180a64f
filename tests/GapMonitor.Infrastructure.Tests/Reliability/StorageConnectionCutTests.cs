using GapMonitor.Core.Alerts;
using GapMonitor.Core.Audit;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Sweeping;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace GapMonitor.Infrastructure.Tests.Reliability;

/// <summary>
/// A fleet goes silent while the connection between the service and Table Storage is cut 20 times mid-sweep.
/// Once storage is reachable again, sweeping until quiet must leave exactly one open alert per system and kind,
/// and every notification delivered exactly once: each receiver got each expected webhook-id once, no other.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageConnectionCutTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Systems = 30;
    private const int Receivers = 10;
    private const int Cuts = 20;
    private const int MaxSweeps = 300;
    private const int Seed = 20261201;
    private static readonly TimeSpan UntilSilent = TimeSpan.FromHours(1) + TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1);

    // Longer than the delivery lease (2 min), so a notification leased by a sweep that was cut off is due again.
    private static readonly TimeSpan BetweenSweeps = TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Sweeps_WhenStorageConnectionsAreCutMidSweep_LoseNothingAndSendNothingTwice()
    {
        var time = new FakeTimeProvider(SystemBuilder.Epoch);
        var receivers = Enumerable.Range(0, Receivers).Select(_ => TestWebhookReceiver.Start(timeProvider: time)).ToList();
        try
        {
            var prefix = AzuriteFixture.NewTablePrefix();
            var direct = await azurite.CreateTablesAsync(prefix);
            var store = new TableSystemStore(direct);
            for (var i = 0; i < Systems; i++)
            {
                var customer = receivers[i % Receivers];
                var vendor = receivers[(i + 3) % Receivers];
                var system = new SystemBuilder().WithId($"fleet-{i:00}").RegisteredAt(time.GetUtcNow())
                    .WithWebhook(Party.Customer, customer.Url.AbsoluteUri, customer.Secret)
                    .WithWebhook(Party.Vendor, vendor.Url.AbsoluteUri, vendor.Secret)
                    .Build();
                await store.CreateAsync(system, new AuditEntry(Guid.NewGuid().ToString("N"), system.Id, time.GetUtcNow(), "admin", "system.registered"));
            }

            await using var proxy = CuttableTcpProxy.Start(ReliabilityGraph.TableEndpoint(azurite.ConnectionString));
            await using var graph = await ReliabilityGraph.BuildAsync(ReliabilityGraph.WithTablePort(azurite.ConnectionString, proxy.Port), prefix, time);
            var sweep = graph.GetRequiredService<SweepService>();
            var outbox = new TableOutbox(direct);
            proxy.CutOnTraffic(new Random(Seed), Cuts, minReads: 3, maxReads: 30);
            time.Advance(UntilSilent);

            var sweeps = 0;
            var failedSweeps = new List<string>();
            while (sweeps < MaxSweeps && (proxy.Cuts < Cuts || await outbox.CountPendingAsync() > 0))
            {
                sweeps++;
                try
                {
                    await sweep.RunAsync();
                }
                catch (Exception ex)
                {
                    // A sweep cut off by storage fails; the next one must pick up where it stopped.
                    failedSweeps.Add($"{ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
                }

                time.Advance(BetweenSweeps);
            }

            output.WriteLine($"{sweeps} sweeps, {failedSweeps.Count} failed, {proxy.Reads} reads through the proxy, {proxy.Cuts} cuts");
            foreach (var failure in failedSweeps)
            {
                output.WriteLine(failure);
            }

            Assert.Equal(Cuts, proxy.Cuts);
            Assert.True(await outbox.CountPendingAsync() == 0, $"Still pending after {sweeps} sweeps.");

            var expected = await NotificationsAsync(direct);
            Assert.All(expected, n => Assert.Equal(NotificationState.Delivered, n.State));
            // alert.opened goes to the owner (the customer, after handover): one per system, none lost.
            var opened = expected.Where(n => n.Type == NotificationTypes.Opened).Select(n => (n.SystemId, n.Target)).Order().ToList();
            Assert.Equal(
                Enumerable.Range(0, Systems).Select(i => ($"fleet-{i:00}", receivers[i % Receivers].Url.AbsoluteUri)).Order().ToList(),
                opened);

            var received = receivers.SelectMany(r => r.Requests.Select(q => (Receiver: r.Url.AbsoluteUri, Id: q.Header("webhook-id")!, q.SignatureValid))).ToList();
            Assert.All(received, r => Assert.True(r.SignatureValid));
            var duplicates = received.GroupBy(r => (r.Receiver, r.Id)).Where(g => g.Count() > 1).Select(g => $"{g.Key.Id} ×{g.Count()}").ToList();
            Assert.True(duplicates.Count == 0, $"Received twice: {string.Join(", ", duplicates)}; failed sweeps: {failedSweeps.Count} of {sweeps}.");
            output.WriteLine($"{expected.Count} notifications, {received.Count} webhooks received");
            Assert.Equal(
                expected.Select(n => (n.Target, n.Id)).Order().ToList(),
                received.Select(r => (r.Receiver, r.Id)).Order().ToList());
        }
        finally
        {
            foreach (var receiver in receivers)
            {
                await receiver.DisposeAsync();
            }
        }
    }

    /// <summary>Every alert of the fleet (one open per system and kind) and the notifications stored with them.</summary>
    private static async Task<List<Notification>> NotificationsAsync(StorageTables tables)
    {
        var alerts = new TableAlertStore(tables);
        var notifications = new List<Notification>();
        for (var i = 0; i < Systems; i++)
        {
            var all = new List<Alert>();
            await foreach (var alert in alerts.QueryAsync(new AlertQuery(SystemId: $"fleet-{i:00}")))
            {
                all.Add(alert);
            }

            Assert.Equal(AlertKinds.MonitoringSilent, Assert.Single(all).Kind);
            Assert.Equal(AlertState.Open, all[0].State);
            var history = await alerts.GetAsync(all[0].Id);
            notifications.AddRange(history!.Notifications);
        }

        return notifications;
    }
}
