using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Infrastructure.Storage.Entities;

namespace GapMonitor.Infrastructure.Storage;

/// <summary>Alert reads over the live rows and the archive: one partition query per alert in each, tenant filters evaluated by the table service.</summary>
public sealed class TableAlertStore(StorageTables tables) : IAlertStore
{
    public async Task<AlertWithHistory?> GetAsync(string alertId, CancellationToken cancellationToken = default)
    {
        var systemId = IdGenerator.SystemIdOfAlert(alertId);
        if (systemId is null)
        {
            return null;
        }

        Alert? alert = null;
        var notifications = new List<Notification>();
        var attempts = new List<NotificationAttempt>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {systemId} and AlertId eq {alertId}");
        await foreach (var row in LiveAndArchive.QueryAsync<TableEntity>(tables, filter, maxPerPage: null, cancellationToken))
        {
            if (row.RowKey.StartsWith(RowKeys.ActivePrefix, StringComparison.Ordinal) || row.RowKey.StartsWith(RowKeys.AlertPrefix, StringComparison.Ordinal))
            {
                alert = EntityMapping.To<AlertEntity>(row).ToDomain();
            }
            else if (row.RowKey.StartsWith(RowKeys.NotificationPrefix, StringComparison.Ordinal))
            {
                notifications.Add(EntityMapping.To<NotificationEntity>(row).ToDomain());
            }
            else if (row.RowKey.StartsWith(RowKeys.AttemptPrefix, StringComparison.Ordinal))
            {
                attempts.Add(EntityMapping.To<AttemptEntity>(row).ToDomain());
            }
        }

        return alert is null ? null : new AlertWithHistory(alert, [.. notifications.OrderBy(n => n.CreatedAt)], [.. attempts.OrderBy(a => a.At)]);
    }

    public async IAsyncEnumerable<Alert> QueryAsync(AlertQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var count = 0;
        // Resolved alerts are in the archive once moved; active ones never are, so a query for those reads live only.
        IAsyncEnumerable<AlertEntity> rows = query.State is null or AlertState.Resolved
            ? LiveAndArchive.QueryAsync<AlertEntity>(tables, BuildFilter(query), maxPerPage: 1000, cancellationToken)
            : tables.Systems.QueryAsync<AlertEntity>(BuildFilter(query), maxPerPage: 1000, cancellationToken: cancellationToken);
        await foreach (var entity in rows.WithCancellation(cancellationToken))
        {
            yield return entity.ToDomain();
            if (++count >= query.Max)
            {
                yield break;
            }
        }
    }

    /// <summary>Each clause comes from <see cref="TableClient.CreateQueryFilter(FormattableString)"/>, so joining them stays injection-safe.</summary>
    private static string BuildFilter(AlertQuery query)
    {
        var clauses = new List<string>();
        clauses.Add(query.State switch
        {
            AlertState.Resolved => TableClient.CreateQueryFilter($"RowKey ge {RowKeys.AlertPrefix} and RowKey lt {RowKeys.AlertEnd}"),
            null => TableClient.CreateQueryFilter($"((RowKey ge {RowKeys.ActivePrefix} and RowKey lt {RowKeys.ActiveEnd}) or (RowKey ge {RowKeys.AlertPrefix} and RowKey lt {RowKeys.AlertEnd}))"),
            { } active => TableClient.CreateQueryFilter($"RowKey ge {RowKeys.ActivePrefix} and RowKey lt {RowKeys.ActiveEnd} and State eq {active.ToString()}"),
        });
        if (query.SystemId is { } systemId)
        {
            clauses.Add(TableClient.CreateQueryFilter($"PartitionKey eq {systemId}"));
        }

        if (query.Kind is { } kind)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Kind eq {kind}"));
        }

        if (query.Vendor is { } vendor)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Vendor eq {vendor}"));
        }

        if (query.Customer is { } customer)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Customer eq {customer}"));
        }

        return string.Join(" and ", clauses.Select(c => $"({c})"));
    }
}
