using GapMonitor.Core.Notifications;
using GapMonitor.Core.Sweeping.Shards;

namespace GapMonitor.Core.Ports;

/// <summary>The notification outbox: rows written with their alert change, drained by the delivery step.</summary>
public interface IOutbox
{
    /// <summary>Pending notifications whose next attempt is due and that nobody holds a lease on.</summary>
    IAsyncEnumerable<Notification> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The due notifications of the systems in <paramref name="shard"/>.</summary>
    IAsyncEnumerable<Notification> ListDueAsync(DateTimeOffset now, SweepShard shard, CancellationToken cancellationToken = default) =>
        ListDueAsync(now, cancellationToken).Where(n => shard.Contains(n.SystemId));

    /// <summary>
    /// Claims a notification until <paramref name="leaseUntil"/> so that a concurrent sweep does not send it too.
    /// Returns the leased row (new ETag) or null when someone else got there first.
    /// </summary>
    Task<Notification?> TryLeaseAsync(Notification notification, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>
    /// Leases several notifications of one system in one transaction: all (with their new ETags, in order) or, when any
    /// changed since it was listed, none (null).
    /// </summary>
    Task<IReadOnlyList<Notification>?> TryLeaseAllAsync(IReadOnlyList<Notification> notifications, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>Records the attempts of several leased notifications of one system, in as few transactions as the row limit allows.</summary>
    Task RecordAttemptsAsync(IReadOnlyList<(Notification Updated, NotificationAttempt Attempt)> results, CancellationToken cancellationToken = default);

    /// <summary>Records an attempt and the notification's new state (delivered, rescheduled or failed) under the lease's ETag.</summary>
    Task RecordAttemptAsync(Notification updated, NotificationAttempt attempt, CancellationToken cancellationToken = default);

    Task<int> CountPendingAsync(CancellationToken cancellationToken = default);
}
