using System.Globalization;
using Azure.Data.Tables;

namespace GapMonitor.SweepBenchmark;

/// <summary>
/// Resolved alerts with their whole history, in the shape the store leaves them: per alert the <c>alert-{id}</c> row,
/// 4 delivered notifications (opened and resolved, email and webhook) with one attempt each and 2 audit entries —
/// 11 rows. Written in batches of 100 rows per partition into the given table (the live <c>systems</c> table,
/// where history stayed before it was moved out, or the <c>archive</c> table, where the mover leaves it).
/// </summary>
public static class HistorySeed
{
    private const int SeedingParallelism = 16;
    private const int RowsPerBatch = 100;

    public static async Task<int> SeedAsync(TableClient table, int systems, int alertsPerSystem, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(1, systems),
            new ParallelOptions { MaxDegreeOfParallelism = SeedingParallelism, CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                var systemId = Fleet.SystemId(index);
                var entities = Enumerable.Range(0, alertsPerSystem).SelectMany(i => ResolvedAlert(systemId, i, now - TimeSpan.FromDays(1 + i))).ToList();
                foreach (var batch in entities.Chunk(RowsPerBatch))
                {
                    await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct);
                }

                Interlocked.Add(ref rows, entities.Count);
            });
        return rows;
    }

    private static IEnumerable<TableEntity> ResolvedAlert(string systemId, int index, DateTimeOffset openedAt)
    {
        var alertId = $"{systemId}.{Guid.CreateVersion7(openedAt):N}";
        var resolvedAt = openedAt + TimeSpan.FromHours(1);
        yield return new TableEntity(systemId, "alert-" + alertId)
        {
            ["AlertId"] = alertId,
            ["Kind"] = "monitoring-silent",
            ["State"] = "Resolved",
            ["Summary"] = $"No heartbeat for 7 minutes (alert {index})",
            ["Vendor"] = "vendor-bench",
            ["Customer"] = "customer-bench",
            ["OpenedAt"] = openedAt,
            ["OwnerAtOpening"] = "Customer",
            ["ResolvedAt"] = resolvedAt,
            ["Resolution"] = "Heartbeats resumed.",
            ["NotifiedParties"] = "Customer",
        };
        foreach (var (type, at) in new[] { ("alert.opened", openedAt), ("alert.resolved", resolvedAt) })
        {
            foreach (var channel in new[] { "Email", "Webhook" })
            {
                var notificationId = Guid.CreateVersion7(at).ToString("N") + channel[0];
                yield return new TableEntity(systemId, "notification-" + notificationId)
                {
                    ["NotificationId"] = notificationId,
                    ["AlertId"] = alertId,
                    ["Type"] = type,
                    ["Party"] = "Customer",
                    ["Channel"] = channel,
                    ["Target"] = channel == "Email" ? $"ops+{systemId}@customer.example" : $"http://127.0.0.1/hooks/{systemId}",
                    ["Body"] = "{\"type\":\"" + type + "\",\"alertId\":\"" + alertId + "\"}",
                    ["CreatedAt"] = at,
                    ["State"] = "Delivered",
                    ["Attempts"] = 1,
                    ["NextAttemptAt"] = at,
                    ["DeliveredAt"] = at + TimeSpan.FromSeconds(1),
                };
                yield return new TableEntity(systemId, $"attempt-{notificationId}-0001")
                {
                    ["AlertId"] = alertId,
                    ["NotificationId"] = notificationId,
                    ["Attempt"] = 1,
                    ["At"] = at + TimeSpan.FromSeconds(1),
                    ["Succeeded"] = true,
                    ["DurationMs"] = 12.5,
                };
            }

            var entryId = Guid.CreateVersion7(at).ToString("N");
            var inverted = (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
            yield return new TableEntity(systemId, $"audit-{inverted}-{entryId}")
            {
                ["EntryId"] = entryId,
                ["At"] = at,
                ["Actor"] = "sweep",
                ["Action"] = type,
                ["AlertId"] = alertId,
            };
        }
    }
}
