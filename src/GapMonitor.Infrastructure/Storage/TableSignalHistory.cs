using Azure.Data.Tables;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Storage.Entities;

namespace GapMonitor.Infrastructure.Storage;

/// <summary>Append-only heartbeat and deployment history in the <c>history</c> table, newest first.</summary>
public sealed class TableSignalHistory(StorageTables tables, IdGenerator ids) : ISignalHistory
{
    public async Task AppendAsync(Heartbeat heartbeat, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        await tables.History.AddEntityAsync(
            new HeartbeatEntity
            {
                PartitionKey = heartbeat.SystemId,
                RowKey = RowKeys.Heartbeat(heartbeat.At, ids.NewId()),
                Status = heartbeat.Status.ToString(),
                At = heartbeat.At,
                ReceivedAt = heartbeat.ReceivedAt,
                Message = heartbeat.Message,
            },
            cancellationToken);
    }

    public async Task AppendAsync(DeploymentEvent deployment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        await tables.History.AddEntityAsync(
            new DeploymentEntity
            {
                PartitionKey = deployment.SystemId,
                RowKey = RowKeys.Deployment(deployment.At, ids.NewId()),
                ModelVersion = deployment.ModelVersion,
                At = deployment.At,
                ReceivedAt = deployment.ReceivedAt,
                Environment = deployment.Environment,
                By = deployment.By,
            },
            cancellationToken);
    }

    public async Task AppendAsync(IReadOnlyList<MetricPoint> metrics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        foreach (var chunk in metrics.Chunk(100))
        {
            var actions = chunk.Select(m => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(m.SystemId, RowKeys.Metric(m.At, m.BatchId, m.Index))
            {
                ["Name"] = m.Name,
                ["Value"] = m.Value,
                ["At"] = m.At,
                ["Feature"] = m.Feature,
                ["BatchId"] = m.BatchId,
                ["Index"] = m.Index,
            }));
            await tables.History.SubmitTransactionAsync(actions, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<MetricPoint>> RecentMetricsAsync(string systemId, string? name, int max, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {systemId} and RowKey ge {RowKeys.MetricPrefix} and RowKey lt {RowKeys.MetricEnd}");
        if (name is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Name eq {name}");
        }

        var result = new List<MetricPoint>();
        await foreach (var row in tables.History.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
        {
            result.Add(ToMetric(systemId, row));
            if (result.Count >= max)
            {
                break;
            }
        }

        return result;
    }

    public Task<ResultPage<MetricPoint>> MetricsPageAsync(string systemId, string? name, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var filter = KeysetPaging.RowKeyAfter(page.Continuation, RowKeys.MetricPrefix, RowKeys.MetricEnd) is { } after
            ? TableClient.CreateQueryFilter($"PartitionKey eq {systemId} and RowKey gt {after} and RowKey lt {RowKeys.MetricEnd}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {systemId} and RowKey ge {RowKeys.MetricPrefix} and RowKey lt {RowKeys.MetricEnd}");
        if (name is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Name eq {name}");
        }

        return KeysetPaging.ReadAsync(
            tables.History.QueryAsync<TableEntity>(filter, KeysetPaging.PageSize(page), cancellationToken: cancellationToken),
            page.Limit,
            row => row.RowKey,
            row => ValueTask.FromResult<MetricPoint?>(ToMetric(systemId, row)),
            cancellationToken);
    }

    public Task<IReadOnlyList<Heartbeat>> RecentHeartbeatsAsync(string systemId, int max, CancellationToken cancellationToken = default) =>
        RecentAsync<HeartbeatEntity, Heartbeat>(systemId, RowKeys.HeartbeatPrefix, RowKeys.HeartbeatEnd, max, e => e.ToDomain(), cancellationToken);

    public Task<IReadOnlyList<DeploymentEvent>> RecentDeploymentsAsync(string systemId, int max, CancellationToken cancellationToken = default) =>
        RecentAsync<DeploymentEntity, DeploymentEvent>(systemId, RowKeys.DeploymentPrefix, RowKeys.DeploymentEnd, max, e => e.ToDomain(), cancellationToken);

    private async Task<IReadOnlyList<TResult>> RecentAsync<TEntity, TResult>(
        string systemId, string from, string to, int max, Func<TEntity, TResult> map, CancellationToken cancellationToken)
        where TEntity : class, ITableEntity, new()
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {systemId} and RowKey ge {from} and RowKey lt {to}");
        var result = new List<TResult>();
        await foreach (var entity in tables.History.QueryAsync<TEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
        {
            result.Add(map(entity));
            if (result.Count >= max)
            {
                break;
            }
        }

        return result;
    }

    private static MetricPoint ToMetric(string systemId, TableEntity row) =>
        new(systemId, row.GetString("Name") ?? "", row.GetDouble("Value") ?? double.NaN, row.GetDateTimeOffset("At") ?? default, row.GetString("Feature"), row.GetString("BatchId") ?? "", row.GetInt32("Index") ?? 0);
}
