using System.Globalization;
using Azure.Data.Tables;
using GapMonitor.Core.Audit;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GapMonitor.SweepBenchmark;

/// <summary>
/// The benchmark's systems: handed over to the customer 30 days ago (the vendor's 14-day grace is over, so the
/// customer is told), heartbeat every 5 minutes with 2 minutes' grace, last ok heartbeat at <c>now</c>, and one
/// email and one webhook contact each, so an alert on any of them produces two notifications.
/// </summary>
public static class Fleet
{
    private const int SeedingParallelism = 64;

    /// <summary>Any 32-byte key: every system signs with the same secret, which changes nothing in what is measured.</summary>
    private static readonly string WebhookSecret = "whsec_" + Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    /// <summary>The benchmark's <c>systems</c> table (the store's, under the configured prefix).</summary>
    public static TableClient SystemsTable(IServiceProvider services) =>
        services.GetRequiredService<TableServiceClient>().GetTableClient(services.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix + "systems");

    public static string SystemId(int index) => "bench-" + index.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>
    /// Registers the first system through the store (its system row and audit entry in one transaction, as the API does),
    /// then copies those rows to every other system with its own id, as single inserts with many requests in flight:
    /// the same rows as registering each, at the speed storage takes single inserts (Azurite's transactions are slow).
    /// </summary>
    public static async Task SeedAsync(ISystemStore store, TableClient systemsTable, int count, DateTimeOffset now, Uri webhookBase, CancellationToken cancellationToken)
    {
        var first = Create(SystemId(1), now, webhookBase);
        await store.CreateAsync(first, new AuditEntry(Guid.NewGuid().ToString("N"), first.Id, now, "bench", "system.registered"), cancellationToken);
        var template = new List<TableEntity>();
        await foreach (var row in systemsTable.QueryAsync<TableEntity>(e => e.PartitionKey == first.Id, cancellationToken: cancellationToken))
        {
            template.Add(row);
        }

        await Parallel.ForEachAsync(
            Enumerable.Range(2, Math.Max(0, count - 1)).SelectMany(index => template.Select(row => (Id: SystemId(index), Row: row))),
            new ParallelOptions { MaxDegreeOfParallelism = SeedingParallelism, CancellationToken = cancellationToken },
            async (copy, ct) => await systemsTable.AddEntityAsync(CopyFor(copy.Row, first.Id, copy.Id), ct));
    }

    /// <summary>The row with every occurrence of <paramref name="from"/> (keys, names, addresses, URLs) replaced by <paramref name="to"/>.</summary>
    private static TableEntity CopyFor(TableEntity row, string from, string to)
    {
        var copy = new TableEntity(row.PartitionKey.Replace(from, to, StringComparison.Ordinal), row.RowKey.Replace(from, to, StringComparison.Ordinal));
        foreach (var (key, value) in row)
        {
            if (key is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
            {
                continue;
            }

            copy[key] = value is string text ? text.Replace(from, to, StringComparison.Ordinal) : value;
        }

        return copy;
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
