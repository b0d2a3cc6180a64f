using Azure;
using Azure.Data.Tables;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Systems;

namespace GapMonitor.Infrastructure.Storage.Entities;

/// <summary><c>systems</c> table, RowKey <c>notification-{id}</c>: one outbox row.</summary>
internal sealed class NotificationEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string NotificationId { get; set; } = "";
    public string? AlertId { get; set; }
    public string Type { get; set; } = "";
    public string Party { get; set; } = "";
    public string Channel { get; set; } = "";
    public string Target { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string State { get; set; } = "";
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LeasedUntil { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public string? LastError { get; set; }

    public static NotificationEntity From(Notification n) => new()
    {
        PartitionKey = n.SystemId,
        RowKey = RowKeys.Notification(n.Id),
        ETag = n.ETag is null ? default : new ETag(n.ETag),
        NotificationId = n.Id,
        AlertId = n.AlertId,
        Type = n.Type,
        Party = n.Party.ToString(),
        Channel = n.Channel.ToString(),
        Target = n.Target,
        Body = n.Body,
        CreatedAt = n.CreatedAt,
        State = n.State.ToString(),
        Attempts = n.Attempts,
        NextAttemptAt = n.NextAttemptAt,
        LeasedUntil = n.LeasedUntil,
        DeliveredAt = n.DeliveredAt,
        LastError = n.LastError,
    };

    public Notification ToDomain() => new()
    {
        Id = NotificationId,
        SystemId = PartitionKey,
        AlertId = string.IsNullOrEmpty(AlertId) ? null : AlertId,
        Type = Type,
        Party = Enum.Parse<Party>(Party),
        Channel = Enum.Parse<NotificationChannel>(Channel),
        Target = Target,
        Body = Body,
        CreatedAt = CreatedAt,
        State = Enum.Parse<NotificationState>(State),
        Attempts = Attempts,
        NextAttemptAt = NextAttemptAt,
        LeasedUntil = LeasedUntil,
        DeliveredAt = DeliveredAt,
        LastError = LastError,
        ETag = ETag.ToString(),
    };
}
