using Azure;
using Azure.Data.Tables;

namespace GapMonitor.Infrastructure.Storage;

/// <summary>
/// Moves history rows of a system from its live <c>systems</c> partition to the same keys in <c>archive</c>:
/// copy (upsert, so a repeat is harmless), then delete from live. See README.md, "Moving history out of the live rows".
/// </summary>
public sealed class HistoryMover(StorageTables tables)
{
    private static readonly string PendingState = "Pending";

    /// <summary>The live key range that holds history: <c>alert-</c>, <c>attempt-</c>, <c>audit-</c> and <c>notification-</c> rows.</summary>
    private static readonly string HistoryRangeStart = RowKeys.AlertPrefix;
    private static readonly string HistoryRangeEnd = RowKeys.NotificationEnd;

    /// <summary>Moves what is finished in the partition of <paramref name="systemId"/>; returns how many rows moved.</summary>
    public async Task<int> MoveAsync(string systemId, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {systemId} and RowKey ge {HistoryRangeStart} and RowKey lt {HistoryRangeEnd}");
        var rows = new List<TableEntity>();
        await foreach (var row in tables.Systems.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        var history = FinishedRows(rows);
        if (history.Count == 0)
        {
            return 0;
        }

        foreach (var batch in history.Chunk(TableSystemStore.MaxBatchSize))
        {
            await tables.Archive.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Copy(r))), cancellationToken);
        }

        await DeleteFromLiveAsync(history, cancellationToken);
        return history.Count;
    }

    /// <summary>History left in the live rows anywhere (a move that failed or never ran): one table-wide scan of keys only.</summary>
    public async Task<int> MoveLeftoversAsync(CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"(RowKey ge {RowKeys.AlertPrefix} and RowKey lt {RowKeys.AuditEnd}) or (RowKey ge {RowKeys.NotificationPrefix} and RowKey lt {RowKeys.NotificationEnd} and State ne {PendingState})");
        var partitions = new List<string>();
        await foreach (var row in tables.Systems.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            if (partitions.Count == 0 || partitions[^1] != row.PartitionKey)
            {
                partitions.Add(row.PartitionKey);
            }
        }

        var moved = 0;
        await Parallel.ForEachAsync(
            partitions,
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (partition, ct) => Interlocked.Add(ref moved, await MoveAsync(partition, ct)));
        return moved;
    }

    /// <summary>
    /// Resolved alerts, audit entries, notifications no longer pending, and attempts whose notification is not
    /// pending in the live rows (finished, or already moved by an earlier, interrupted move).
    /// </summary>
    private static List<TableEntity> FinishedRows(List<TableEntity> rows)
    {
        var pending = rows
            .Where(r => r.RowKey.StartsWith(RowKeys.NotificationPrefix, StringComparison.Ordinal) && r.GetString("State") == PendingState)
            .Select(r => r.RowKey[RowKeys.NotificationPrefix.Length..])
            .ToHashSet(StringComparer.Ordinal);
        return [.. rows.Where(r =>
            r.RowKey.StartsWith(RowKeys.AlertPrefix, StringComparison.Ordinal)
            || r.RowKey.StartsWith(RowKeys.AuditPrefix, StringComparison.Ordinal)
            || (r.RowKey.StartsWith(RowKeys.NotificationPrefix, StringComparison.Ordinal) && r.GetString("State") != PendingState)
            || (r.RowKey.StartsWith(RowKeys.AttemptPrefix, StringComparison.Ordinal) && !pending.Contains(RowKeys.NotificationOfAttempt(r.RowKey))))];
    }

    /// <summary>
    /// Resolved alerts, attempts and audit entries never change, so they are deleted unconditionally; a notification
    /// is deleted under the ETag it was copied with, so one changed meanwhile stays live (and is copied again next time).
    /// </summary>
    private async Task DeleteFromLiveAsync(List<TableEntity> rows, CancellationToken cancellationToken)
    {
        foreach (var batch in rows.Chunk(TableSystemStore.MaxBatchSize))
        {
            var actions = batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(r.PartitionKey, r.RowKey), DeleteETag(r))).ToList();
            try
            {
                await tables.Systems.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 404 or 412)
            {
                // A concurrent move deleted some of them, or a notification changed: one at a time, each on its own.
                foreach (var row in batch)
                {
                    try
                    {
                        await tables.Systems.DeleteEntityAsync(row.PartitionKey, row.RowKey, DeleteETag(row), cancellationToken);
                    }
                    catch (RequestFailedException one) when (one.Status is 404 or 412)
                    {
                    }
                }
            }
        }
    }

    private static ETag DeleteETag(TableEntity row) =>
        row.RowKey.StartsWith(RowKeys.NotificationPrefix, StringComparison.Ordinal) ? row.ETag : ETag.All;

    private static TableEntity Copy(TableEntity row)
    {
        var copy = new TableEntity(row.PartitionKey, row.RowKey);
        foreach (var (name, value) in row)
        {
            if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            {
                copy[name] = value;
            }
        }

        return copy;
    }
}
