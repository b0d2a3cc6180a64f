using Azure;
using Azure.Data.Tables;
using GapMonitor.Core.Systems;

namespace GapMonitor.Infrastructure.Storage.Entities;

/// <summary><c>history</c> table, RowKey <c>heartbeat-{invertedTicks}-{id}</c>.</summary>
internal sealed class HeartbeatEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Status { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string? Message { get; set; }

    public Heartbeat ToDomain() => new(PartitionKey, Enum.Parse<HeartbeatStatus>(Status), At, ReceivedAt, Message);
}
