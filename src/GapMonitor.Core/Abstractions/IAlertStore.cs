using GapMonitor.Core.Alerts;
using GapMonitor.Core.Notifications;

namespace GapMonitor.Core.Abstractions;

public sealed record AlertQuery(
    string? SystemId = null,
    AlertState? State = null,
    string? Kind = null,
    string? Vendor = null,
    string? Customer = null,
    int Max = 500);

public sealed record AlertWithHistory(Alert Alert, IReadOnlyList<Notification> Notifications, IReadOnlyList<NotificationAttempt> Attempts);

/// <summary>Read side of alerts (writes go through <see cref="ISystemStore.ApplyAsync"/>).</summary>
public interface IAlertStore
{
    Task<AlertWithHistory?> GetAsync(string alertId, CancellationToken cancellationToken = default);

    IAsyncEnumerable<Alert> QueryAsync(AlertQuery query, CancellationToken cancellationToken = default);
}
