using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Audit;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Sweeping.Shards;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Storage.Entities;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Infrastructure.Storage;

/// <summary>Systems and everything that changes with them, in one partition per system (see README.md).</summary>
public sealed class TableSystemStore(StorageTables tables, ILogger<TableSystemStore>? logger = null) : ISystemStore
{
    /// <summary>Rows in one entity-group transaction (Table Storage's limit).</summary>
    internal const int MaxBatchSize = 100;
    private TableClient Table => tables.Systems;

    public async Task<SystemWithAlerts?> GetAsync(string systemId, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {systemId} and (RowKey eq {RowKeys.System} or (RowKey ge {RowKeys.ActivePrefix} and RowKey lt {RowKeys.ActiveEnd}))");
        await foreach (var group in GroupByPartitionAsync(Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken), cancellationToken))
        {
            return group;
        }

        return null;
    }

    public IAsyncEnumerable<SystemWithAlerts> ListAllAsync(CancellationToken cancellationToken = default) => ListRangeAsync(SweepShard.All, cancellationToken);

    public IAsyncEnumerable<SystemWithAlerts> ListRangeAsync(SweepShard shard, CancellationToken cancellationToken = default)
    {
        var filter = PartitionRange.Within(shard, TableClient.CreateQueryFilter(
            $"RowKey eq {RowKeys.System} or (RowKey ge {RowKeys.ActivePrefix} and RowKey lt {RowKeys.ActiveEnd})"));
        return GroupByPartitionAsync(Table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken), cancellationToken);
    }

    /// <summary>Only the keys of the system rows come back (a projection): about 1 GET per 1,000 systems.</summary>
    public async IAsyncEnumerable<string> ListIdsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {RowKeys.System}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: [nameof(TableEntity.PartitionKey)], cancellationToken: cancellationToken))
        {
            yield return row.PartitionKey;
        }
    }

    public async Task<MonitoredSystem> CreateAsync(MonitoredSystem system, AuditEntry audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, SystemEntity.From(system with { ETag = null })),
            new(TableTransactionActionType.Add, AuditEntity.From(audit)),
        };
        var response = await SubmitAsync(actions, cancellationToken);
        return system with { ETag = response.Value[0].Headers.ETag?.ToString() };
    }

    public async Task<MonitoredSystem> UpdateAsync(MonitoredSystem system, AuditEntry audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        var entity = SystemEntity.From(system);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, entity, entity.ETag),
            new(TableTransactionActionType.Add, AuditEntity.From(audit)),
        };
        var response = await SubmitAsync(actions, cancellationToken);
        return system with { ETag = response.Value[0].Headers.ETag?.ToString() };
    }

    /// <summary>
    /// Each alert change goes with its notifications and audit entry in one transaction; changes are packed into as
    /// few transactions as the row limit allows, each carrying the system row under the ETag the previous one left
    /// (see README.md, "Change sets larger than one transaction").
    /// </summary>
    public async Task ApplyAsync(SystemChangeSet changes, MonitoredSystem? system = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.UpdatedSystem is { } updated)
        {
            system = system is null ? updated : updated with { ETag = system.ETag };
        }

        var owner = system ?? (await GetAsync(changes.SystemId, cancellationToken))?.System
            ?? throw new ConcurrencyConflictException($"System {changes.SystemId} no longer exists.");
        // Notices go first, so that they are written in the same transaction as the system row that remembers them as sent.
        var units = changes.Notices.Select(NoticeActions).ToList();
        if (changes.Silences.Count > 0)
        {
            // First of all: a silence row is always in the transaction that writes the system row the sweep reads it from.
            units.Insert(0, [.. changes.Silences.Select(s => new TableTransactionAction(TableTransactionActionType.UpsertReplace, SilenceEntity.From(s, owner.Vendor, owner.Customer)))]);
        }

        if (changes.OtherAudit.Count > 0)
        {
            units.Add([.. changes.OtherAudit.Select(a => new TableTransactionAction(TableTransactionActionType.Add, AuditEntity.From(a)))]);
        }

        units.AddRange(changes.Transitions.Select(t => TransitionActions(t, owner)));
        if (changes.UsedLinks.Count > 0)
        {
            // Inserted with the first unit, so they share its transaction: a link used before fails the whole change.
            List<TableTransactionAction> markers = [.. changes.UsedLinks.Select(l => new TableTransactionAction(TableTransactionActionType.Add, UsedLinkEntity.From(l)))];
            if (units.Count == 0)
            {
                units.Add(markers);
            }
            else
            {
                units[0] = [.. markers, .. units[0]];
            }
        }
        var guardRows = system is null ? 0 : 1;
        var systemETag = system?.ETag;
        var batch = new List<TableTransactionAction>();
        foreach (var unit in units)
        {
            if (guardRows + unit.Count > MaxBatchSize)
            {
                throw new InvalidOperationException($"An alert change of {unit.Count} rows exceeds the {MaxBatchSize}-row transaction limit.");
            }

            if (batch.Count > 0 && guardRows + batch.Count + unit.Count > MaxBatchSize)
            {
                systemETag = await SubmitGuardedAsync(batch, system, systemETag, cancellationToken);
                batch = [];
            }

            batch.AddRange(unit);
        }

        if (batch.Count > 0 || system is not null)
        {
            await SubmitGuardedAsync(batch, system, systemETag, cancellationToken);
        }
    }

    /// <summary>Submits <paramref name="actions"/>, with the system row replaced under <paramref name="etag"/> when guarded; returns its new ETag.</summary>
    private async Task<string?> SubmitGuardedAsync(List<TableTransactionAction> actions, MonitoredSystem? system, string? etag, CancellationToken cancellationToken)
    {
        if (system is null)
        {
            await SubmitAsync(actions, cancellationToken);
            return null;
        }

        var entity = SystemEntity.From(system with { ETag = etag });
        var response = await SubmitAsync([new(TableTransactionActionType.UpdateReplace, entity, entity.ETag), .. actions], cancellationToken);
        return response.Value[0].Headers.ETag?.ToString();
    }

    private static List<TableTransactionAction> NoticeActions(SystemNotice notice) =>
    [
        .. notice.Notifications.Select(n => new TableTransactionAction(TableTransactionActionType.Add, NotificationEntity.From(n))),
        new(TableTransactionActionType.Add, AuditEntity.From(notice.Audit)),
    ];

    private static List<TableTransactionAction> TransitionActions(AlertTransition transition, MonitoredSystem owner)
    {
        var alert = transition.Alert;
        var actions = new List<TableTransactionAction>(transition.Notifications.Count + 3);
        if (transition.IsNew)
        {
            actions.Add(new(TableTransactionActionType.Add, AlertEntity.From(alert with { ETag = null }, owner.Vendor, owner.Customer)));
        }
        else
        {
            var etag = new ETag(alert.ETag ?? throw new InvalidOperationException($"Alert {alert.Id} has no ETag."));
            if (alert.State == AlertState.Resolved)
            {
                actions.Add(new(TableTransactionActionType.Delete, new TableEntity(alert.SystemId, RowKeys.Active(alert.Kind)), etag));
                actions.Add(new(TableTransactionActionType.Add, AlertEntity.From(alert with { ETag = null }, owner.Vendor, owner.Customer)));
            }
            else
            {
                actions.Add(new(TableTransactionActionType.UpdateReplace, AlertEntity.From(alert, owner.Vendor, owner.Customer), etag));
            }
        }

        actions.AddRange(transition.Notifications.Select(n => new TableTransactionAction(TableTransactionActionType.Add, NotificationEntity.From(n))));
        actions.Add(new(TableTransactionActionType.Add, AuditEntity.From(transition.Audit)));
        return actions;
    }

    public async Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string systemId, int max, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {systemId} and RowKey ge {RowKeys.AuditPrefix} and RowKey lt {RowKeys.AuditEnd}");
        var result = new List<AuditEntry>();
        await foreach (var entity in LiveAndArchive.QueryAsync<AuditEntity>(tables, filter, Math.Min(max, 1000), cancellationToken))
        {
            result.Add(entity.ToDomain());
            if (result.Count >= max)
            {
                break;
            }
        }

        return result;
    }

    public Task<ResultPage<MonitoredSystem>> ListPageAsync(string? vendor, string? customer, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var after = SystemAfter(page.Continuation);
        var filter = TableClient.CreateQueryFilter($"RowKey eq {RowKeys.System}");
        if (after is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"PartitionKey gt {after}");
        }

        if (vendor is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Vendor eq {vendor}");
        }

        if (customer is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Customer eq {customer}");
        }

        return KeysetPaging.ReadAsync(
            Table.QueryAsync<TableEntity>(filter, KeysetPaging.PageSize(page), cancellationToken: cancellationToken),
            page.Limit,
            row => row.PartitionKey,
            row => ValueTask.FromResult(ReadSystem(row)),
            cancellationToken);
    }

    public Task<ResultPage<AuditEntry>> GetAuditPageAsync(string systemId, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var filter = KeysetPaging.RowKeyAfter(page.Continuation, RowKeys.AuditPrefix, RowKeys.AuditEnd) is { } after
            ? TableClient.CreateQueryFilter($"PartitionKey eq {systemId} and RowKey gt {after} and RowKey lt {RowKeys.AuditEnd}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {systemId} and RowKey ge {RowKeys.AuditPrefix} and RowKey lt {RowKeys.AuditEnd}");
        return KeysetPaging.ReadAsync(
            LiveAndArchive.QueryAsync<AuditEntity>(tables, filter, KeysetPaging.PageSize(page), cancellationToken),
            page.Limit,
            row => row.RowKey,
            row => ValueTask.FromResult<AuditEntry?>(row.ToDomain()),
            cancellationToken);
    }

    /// <summary>The partition (system id) of the last system listed: any key, compared as a position only.</summary>
    private static string? SystemAfter(string? continuation) =>
        continuation is null ? null
        : continuation.Length <= 1024 && !continuation.Any(char.IsControl) ? continuation
        : throw new InvalidContinuationException("Not a continuation of the systems list.");

    private MonitoredSystem? ReadSystem(TableEntity row)
    {
        try
        {
            return EntityMapping.To<SystemEntity>(row).ToDomain();
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException or ArgumentException or System.Text.Json.JsonException)
        {
            logger?.LogError(ex, "System {SystemId}: stored row cannot be read; left out of the list", row.PartitionKey);
            return null;
        }
    }

    private async Task<Response<IReadOnlyList<Response>>> SubmitAsync(List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        if (actions.Count > MaxBatchSize)
        {
            throw new InvalidOperationException($"A change of {actions.Count} rows exceeds the {MaxBatchSize}-row transaction limit.");
        }

        try
        {
            return await Table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            throw new ConcurrencyConflictException($"Concurrent change on {actions[0].Entity.PartitionKey}: {ex.ErrorCode}", ex);
        }
    }

    /// <summary>Rows grouped into systems; a system with a row that cannot be read is logged and skipped, never fails the rest.</summary>
    private async IAsyncEnumerable<SystemWithAlerts> GroupByPartitionAsync(
        AsyncPageable<TableEntity> rows,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? partition = null;
        MonitoredSystem? system = null;
        var unreadable = false;
        var alerts = new List<Alert>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (row.PartitionKey != partition)
            {
                if (system is not null && !unreadable)
                {
                    yield return new SystemWithAlerts(system, alerts);
                }

                partition = row.PartitionKey;
                system = null;
                unreadable = false;
                alerts = [];
            }

            if (unreadable)
            {
                continue;
            }

            try
            {
                if (row.RowKey == RowKeys.System)
                {
                    system = EntityMapping.To<SystemEntity>(row).ToDomain();
                }
                else
                {
                    alerts.Add(EntityMapping.To<AlertEntity>(row).ToDomain());
                }
            }
            catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException or ArgumentException or System.Text.Json.JsonException)
            {
                unreadable = true;
                logger?.LogError(ex, "System {SystemId}: stored row {RowKey} cannot be read; the system is skipped", row.PartitionKey, row.RowKey);
            }
        }

        if (system is not null && !unreadable)
        {
            yield return new SystemWithAlerts(system, alerts);
        }
    }
}
