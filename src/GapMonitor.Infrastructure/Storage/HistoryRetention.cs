using Azure;
using Azure.Data.Tables;

namespace GapMonitor.Infrastructure.Storage;

/// <summary>
/// Deletes history older than a cutoff: <c>archive</c> rows by the time they record (an alert's <c>ResolvedAt</c>, a
/// notification's <c>CreatedAt</c>, an attempt's or audit entry's <c>At</c>), never the server's <c>Timestamp</c>; and
/// the <c>history</c> table's signals by the time in their key (inverted ticks, newest first).
/// </summary>
public sealed class HistoryRetention(StorageTables tables)
{
    /// <summary>Returns how many rows were deleted.</summary>
    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var archived = string.Join(" or ", new[]
        {
            TableClient.CreateQueryFilter($"(RowKey ge {RowKeys.AlertPrefix} and RowKey lt {RowKeys.AlertEnd} and ResolvedAt lt {cutoff})"),
            TableClient.CreateQueryFilter($"(RowKey ge {RowKeys.AttemptPrefix} and RowKey lt {RowKeys.AttemptEnd} and At lt {cutoff})"),
            TableClient.CreateQueryFilter($"(RowKey ge {RowKeys.AuditPrefix} and RowKey lt {RowKeys.AuditEnd} and At lt {cutoff})"),
            TableClient.CreateQueryFilter($"(RowKey ge {RowKeys.NotificationPrefix} and RowKey lt {RowKeys.NotificationEnd} and CreatedAt lt {cutoff})"),
        });

        // In the signal keys an older time is a larger inverted number: "{prefix}{inverted(cutoff)}." sorts after every
        // key at or after the cutoff ('-' < '.') and before every key of an older signal.
        var olderThanCutoff = InvertedTicks.Of(cutoff) + ".";
        var signals = string.Join(" or ", new[]
        {
            (RowKeys.HeartbeatPrefix, RowKeys.HeartbeatEnd),
            (RowKeys.DeploymentPrefix, RowKeys.DeploymentEnd),
            (RowKeys.MetricPrefix, RowKeys.MetricEnd),
        }.Select(r => TableClient.CreateQueryFilter($"(RowKey ge {r.Item1 + olderThanCutoff} and RowKey lt {r.Item2})")));

        return await DeleteMatchingAsync(tables.Archive, archived, cancellationToken)
            + await DeleteMatchingAsync(tables.History, signals, cancellationToken);
    }

    /// <summary>
    /// Deletes stored idempotent responses (with their part rows) claimed before <paramref name="cutoff"/>, and every
    /// response stored in clear before responses were sealed (they have a <c>Body</c>: it may hold a key). Returns how
    /// many rows were deleted.
    /// </summary>
    public async Task<int> DeleteIdempotencyOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var expired = TableClient.CreateQueryFilter($"RowKey eq {"response"} and (ClaimedAt lt {cutoff} or Body ne {""})");
        var deleted = 0;
        await foreach (var response in tables.Idempotency.QueryAsync<TableEntity>(expired, maxPerPage: 1000, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            deleted += await DeleteMatchingAsync(tables.Idempotency, TableClient.CreateQueryFilter($"PartitionKey eq {response.PartitionKey}"), cancellationToken);
        }

        return deleted;
    }

    private static async Task<int> DeleteMatchingAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var deleted = 0;
        var batch = new List<TableTransactionAction>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            if (batch.Count == TableSystemStore.MaxBatchSize || (batch.Count > 0 && batch[0].Entity.PartitionKey != row.PartitionKey))
            {
                deleted += await SubmitAsync(table, batch, cancellationToken);
                batch = [];
            }

            batch.Add(new(TableTransactionActionType.Delete, new TableEntity(row.PartitionKey, row.RowKey), ETag.All));
        }

        return deleted + await SubmitAsync(table, batch, cancellationToken);
    }

    private static async Task<int> SubmitAsync(TableClient table, List<TableTransactionAction> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        try
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 404)
        {
            // Someone deleted some of them already: the rest one by one (a missing row is not an error).
            foreach (var action in batch)
            {
                await table.DeleteEntityAsync(action.Entity.PartitionKey, action.Entity.RowKey, ETag.All, cancellationToken);
            }
        }

        return batch.Count;
    }
}
