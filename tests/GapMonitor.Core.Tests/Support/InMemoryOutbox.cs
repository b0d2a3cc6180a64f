using System.Globalization;
using System.Runtime.CompilerServices;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;

namespace GapMonitor.Core.Tests.Support;

/// <summary>The notification outbox in memory: leases and attempts guarded by a counter ETag, as the table outbox guards them.</summary>
internal sealed class InMemoryOutbox : IOutbox
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Notification> _notifications = new(StringComparer.Ordinal);
    private int _version;

    public IReadOnlyList<Notification> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _notifications.Values];
            }
        }
    }

    public void Add(IEnumerable<Notification> notifications)
    {
        lock (_gate)
        {
            foreach (var notification in notifications)
            {
                _notifications.Add(notification.Id, notification with { ETag = NextETag() });
            }
        }
    }

    public async IAsyncEnumerable<Notification> ListDueAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var notification in All)
        {
            await Task.Yield();
            if (notification.State == NotificationState.Pending && notification.NextAttemptAt <= now && !(notification.LeasedUntil > now))
            {
                yield return notification;
            }
        }
    }

    public Task<Notification?> TryLeaseAsync(Notification notification, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(Unchanged(notification) ? Replace(notification with { LeasedUntil = leaseUntil }) : null);
        }
    }

    public Task<IReadOnlyList<Notification>?> TryLeaseAllAsync(IReadOnlyList<Notification> notifications, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Notification>?>(
                notifications.All(Unchanged) ? [.. notifications.Select(n => Replace(n with { LeasedUntil = leaseUntil }))] : null);
        }
    }

    public async Task RecordAttemptsAsync(IReadOnlyList<(Notification Updated, NotificationAttempt Attempt)> results, CancellationToken cancellationToken = default)
    {
        foreach (var (updated, attempt) in results)
        {
            await RecordAttemptAsync(updated, attempt, cancellationToken);
        }
    }

    public Task RecordAttemptAsync(Notification updated, NotificationAttempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        lock (_gate)
        {
            if (!Unchanged(updated))
            {
                throw new ConcurrencyConflictException($"Notification {updated.Id} changed since it was leased.");
            }

            Replace(updated);
        }

        return Task.CompletedTask;
    }

    public Task<int> CountPendingAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(All.Count(n => n.State == NotificationState.Pending));

    private bool Unchanged(Notification notification) =>
        _notifications.TryGetValue(notification.Id, out var stored) && stored.ETag == notification.ETag;

    private Notification Replace(Notification notification)
    {
        var stored = notification with { ETag = NextETag() };
        _notifications[notification.Id] = stored;
        return stored;
    }

    private string NextETag() => (++_version).ToString(CultureInfo.InvariantCulture);
}
