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
    /// <summary>Table Storage holds no earlier time; no alert opens before it.</summary>
    private static readonly DateTimeOffset EarliestTableTime = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

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

    /// <summary>
    /// Newest first by <c>OpenedAt</c>. Alert rows are keyed by kind (<c>active-{kind}</c>) or id (<c>alert-{id}</c>),
    /// not by time, and a list spans partitions, so no key order is the list's order. Rather than keep a second,
    /// time-ordered index row beside every alert (it would have to move with the alert from live to archive, in
    /// every transaction that moves it), a page reads the alerts in the caller's scope opened at or before the
    /// previous page's last one — the table service applies scope, filters and that bound — and keeps only the
    /// newest <c>limit + 1</c> in a heap. Memory stays within one page whatever the number of alerts; the price is
    /// that each page reads the older alerts in scope again, which the <c>systemId</c>, <c>from</c>/<c>to</c> and
    /// state filters keep small in practice.
    /// </summary>
    public async Task<ResultPage<Alert>> ListPageAsync(AlertQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        var after = AlertPosition.Parse(page.Continuation);
        if (query.OpenedBefore <= EarliestTableTime || after?.OpenedAt < EarliestTableTime)
        {
            return new ResultPage<Alert>([], null);
        }

        var filter = BuildFilter(query);
        if (after is not null)
        {
            // A bound for the service only (one millisecond loose, whatever precision it compares times at); the exact
            // position is checked below.
            filter += " and " + TableClient.CreateQueryFilter($"OpenedAt le {(after.OpenedAt < DateTimeOffset.MaxValue.AddMilliseconds(-1) ? after.OpenedAt.AddMilliseconds(1) : DateTimeOffset.MaxValue)}");
        }

        var newest = new PriorityQueue<Alert, AlertPosition>(page.Limit + 2);
        await foreach (var entity in Rows(query, filter, cancellationToken).WithCancellation(cancellationToken))
        {
            var alert = entity.ToDomain();
            var position = AlertPosition.Of(alert);
            if (after is not null && position.CompareTo(after) >= 0)
            {
                continue;
            }

            newest.Enqueue(alert, position);
            if (newest.Count > page.Limit + 1)
            {
                newest.Dequeue();
            }
        }

        var more = newest.Count > page.Limit;
        if (more)
        {
            newest.Dequeue();
        }

        var items = new Alert[newest.Count];
        for (var i = items.Length - 1; i >= 0; i--)
        {
            items[i] = newest.Dequeue();
        }

        return new ResultPage<Alert>(items, more ? AlertPosition.Of(items[^1]).ToString() : null);
    }

    /// <summary>Resolved alerts are in the archive once moved; active ones never are, so a query for those reads live only.</summary>
    private IAsyncEnumerable<AlertEntity> Rows(AlertQuery query, string filter, CancellationToken cancellationToken) =>
        query.State is null or AlertState.Resolved
            ? LiveAndArchive.QueryAsync<AlertEntity>(tables, filter, maxPerPage: 1000, cancellationToken)
            : tables.Systems.QueryAsync<AlertEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken);

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

        if (query.OpenedFrom is { } from && from > EarliestTableTime)
        {
            clauses.Add(TableClient.CreateQueryFilter($"OpenedAt ge {from}"));
        }

        if (query.OpenedBefore is { } before)
        {
            clauses.Add(TableClient.CreateQueryFilter($"OpenedAt lt {before}"));
        }

        return string.Join(" and ", clauses.Select(c => $"({c})"));
    }
}
