using Azure.Data.Tables;
using GapMonitor.Core.Abstractions;
using GapMonitor.Core.Alerts;
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
}
