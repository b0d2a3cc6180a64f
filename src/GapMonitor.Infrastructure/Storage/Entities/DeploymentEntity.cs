using Azure;
using Azure.Data.Tables;
using GapMonitor.Core.Systems;

namespace GapMonitor.Infrastructure.Storage.Entities;

/// <summary><c>history</c> table, RowKey <c>deployment-{invertedTicks}-{id}</c>.</summary>
internal sealed class DeploymentEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ModelVersion { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string? Environment { get; set; }
    public string? By { get; set; }

    public DeploymentEvent ToDomain() => new(PartitionKey, ModelVersion, At, ReceivedAt, Environment, By);
}
