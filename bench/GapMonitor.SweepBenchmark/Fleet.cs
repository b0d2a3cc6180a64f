using System.Globalization;
using GapMonitor.Core.Audit;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;

namespace GapMonitor.SweepBenchmark;

/// <summary>
/// The benchmark's systems: handed over to the customer 30 days ago (the vendor's 14-day grace is over, so the
/// customer is told), heartbeat every 5 minutes with 2 minutes' grace, last ok heartbeat at <c>now</c>, and one
/// email and one webhook contact each, so an alert on any of them produces two notifications.
/// </summary>
public static class Fleet
{
    private const int SeedingParallelism = 32;

    /// <summary>Any 32-byte key: every system signs with the same secret, which changes nothing in what is measured.</summary>
    private static readonly string WebhookSecret = "whsec_" + Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static string SystemId(int index) => "bench-" + index.ToString("D6", CultureInfo.InvariantCulture);

    public static async Task SeedAsync(ISystemStore store, int count, DateTimeOffset now, Uri webhookBase, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(
            Enumerable.Range(1, count),
            new ParallelOptions { MaxDegreeOfParallelism = SeedingParallelism, CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                var system = Create(SystemId(index), now, webhookBase);
                await store.CreateAsync(system, new AuditEntry(Guid.NewGuid().ToString("N"), system.Id, now, "bench", "system.registered"), ct);
            });
    }

    private static MonitoredSystem Create(string id, DateTimeOffset now, Uri webhookBase) => new()
    {
        Id = id,
        Name = "Benchmark system " + id,
        Vendor = "vendor-bench",
        Customer = "customer-bench",
        Model = new ModelInfo("churn-model", "1.0.0"),
        HandoverAt = now - TimeSpan.FromDays(30),
        VendorGracePeriod = TimeSpan.FromDays(14),
        Monitoring = new MonitoringSettings(HeartbeatPeriod: TimeSpan.FromMinutes(5), HeartbeatGrace: TimeSpan.FromMinutes(2)),
        AcknowledgeWithin = TimeSpan.FromHours(4),
        RegisteredAt = now - TimeSpan.FromDays(45),
        Contacts =
        [
            new Contact(Party.Customer, $"ops+{id}@customer.example", null),
            new Contact(Party.Customer, null, new WebhookEndpoint(new Uri(webhookBase, "hooks/" + id), WebhookSecret)),
        ],
        Signals = new SignalState { LastHeartbeatAt = now, LastHeartbeatStatus = HeartbeatStatus.Ok, LastOkHeartbeatAt = now },
    };
}
