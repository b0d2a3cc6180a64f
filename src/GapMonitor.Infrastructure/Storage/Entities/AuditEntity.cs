using Azure;
using Azure.Data.Tables;
using GapMonitor.Core.Audit;

namespace GapMonitor.Infrastructure.Storage.Entities;

/// <summary><c>systems</c> table, RowKey <c>audit-{invertedTicks}-{id}</c>: append-only, newest first.</summary>
internal sealed class AuditEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string EntryId { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string? AlertId { get; set; }
    public string? Detail { get; set; }

    public static AuditEntity From(AuditEntry e) => new()
    {
        PartitionKey = e.SystemId,
        RowKey = RowKeys.Audit(e.At, e.Id),
        EntryId = e.Id,
        At = e.At,
        Actor = e.Actor,
        Action = e.Action,
        AlertId = e.AlertId,
        Detail = e.Detail,
    };

    public AuditEntry ToDomain() => new(EntryId, PartitionKey, At, Actor, Action, AlertId, Detail);
}
