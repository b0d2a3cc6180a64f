using Azure;
using Azure.Data.Tables;
using GapMonitor.Core.Notifications;

namespace GapMonitor.Infrastructure.Storage.Entities;

/// <summary><c>systems</c> table, RowKey <c>attempt-{notificationId}-{n}</c>: one delivery attempt.</summary>
internal sealed class AttemptEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? AlertId { get; set; }
    public string NotificationId { get; set; } = "";
    public int Attempt { get; set; }
    public DateTimeOffset At { get; set; }
    public bool Succeeded { get; set; }
    public string? Error { get; set; }
    public double DurationMs { get; set; }

    public static AttemptEntity From(string systemId, string? alertId, NotificationAttempt a) => new()
    {
        PartitionKey = systemId,
        RowKey = RowKeys.Attempt(a.NotificationId, a.Attempt),
        AlertId = alertId,
        NotificationId = a.NotificationId,
        Attempt = a.Attempt,
        At = a.At,
        Succeeded = a.Succeeded,
        Error = a.Error,
        DurationMs = a.Duration.TotalMilliseconds,
    };

    public NotificationAttempt ToDomain() => new(NotificationId, Attempt, At, Succeeded, Error, TimeSpan.FromMilliseconds(DurationMs));
}
