using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Sweeping.Shards;
using GapMonitor.Infrastructure.Storage.Entities;

namespace GapMonitor.Infrastructure.Storage;

/// <summary>The outbox rows of the <c>systems</c> table; leases and attempts are written with ETags.</summary>
public sealed class TableOutbox(StorageTables tables) : IOutbox
{
    private const int MaxRowsPerTransaction = 100;
    private static readonly string PendingState = nameof(NotificationState.Pending);

    public IAsyncEnumerable<Notification> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ListDueAsync(now, SweepShard.All, cancellationToken);

    public async IAsyncEnumerable<Notification> ListDueAsync(DateTimeOffset now, SweepShard shard, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = PartitionRange.Within(shard, TableClient.CreateQueryFilter(
            $"RowKey ge {RowKeys.NotificationPrefix} and RowKey lt {RowKeys.NotificationEnd} and State eq {PendingState} and NextAttemptAt le {now}"));
        await foreach (var entity in tables.Systems.QueryAsync<NotificationEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            if (entity.LeasedUntil is { } lease && lease > now)
            {
                continue;
            }

            yield return entity.ToDomain();
        }
    }

    public async Task<Notification?> TryLeaseAsync(Notification notification, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var leased = notification with { LeasedUntil = leaseUntil };
        var entity = NotificationEntity.From(leased);
        try
        {
            var response = await tables.Systems.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
            return leased with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<Notification>?> TryLeaseAllAsync(IReadOnlyList<Notification> notifications, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        if (notifications.Count is 0 or > MaxRowsPerTransaction)
        {
            return null;
        }

        var leased = notifications.Select(n => n with { LeasedUntil = leaseUntil }).ToList();
        var actions = leased.Select(n => NotificationEntity.From(n)).Select(e => new TableTransactionAction(TableTransactionActionType.UpdateReplace, e, e.ETag)).ToList();
        try
        {
            var response = await tables.Systems.SubmitTransactionAsync(actions, cancellationToken);
            return [.. leased.Select((n, i) => n with { ETag = response.Value[i].Headers.ETag?.ToString() })];
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    public async Task RecordAttemptsAsync(IReadOnlyList<(Notification Updated, NotificationAttempt Attempt)> results, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        foreach (var chunk in results.Chunk(MaxRowsPerTransaction / 2))
        {
            var actions = new List<TableTransactionAction>(chunk.Length * 2);
            foreach (var (updated, attempt) in chunk)
            {
                var entity = NotificationEntity.From(updated);
                actions.Add(new(TableTransactionActionType.UpdateReplace, entity, entity.ETag));
                actions.Add(new(TableTransactionActionType.UpsertReplace, AttemptEntity.From(updated.SystemId, updated.AlertId, attempt)));
            }

            try
            {
                await tables.Systems.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404)
            {
                throw new ConcurrencyConflictException($"Notifications of {chunk[0].Updated.SystemId} changed while being delivered.", ex);
            }
        }
    }

    public Task RecordAttemptAsync(Notification updated, NotificationAttempt attempt, CancellationToken cancellationToken = default) =>
        RecordAttemptsAsync([(updated, attempt)], cancellationToken);

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"RowKey ge {RowKeys.NotificationPrefix} and RowKey lt {RowKeys.NotificationEnd} and State eq {PendingState}");
        var count = 0;
        await foreach (var _ in tables.Systems.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }
}
