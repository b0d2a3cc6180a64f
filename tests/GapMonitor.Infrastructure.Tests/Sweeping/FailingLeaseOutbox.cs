using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Infrastructure.Storage;

namespace GapMonitor.Infrastructure.Tests.Sweeping;

/// <summary>The real outbox, except that leasing notifications of <paramref name="brokenSystemId"/> fails as storage can.</summary>
internal sealed class FailingLeaseOutbox(TableOutbox inner, string brokenSystemId) : IOutbox
{
    public IAsyncEnumerable<Notification> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default) => inner.ListDueAsync(now, cancellationToken);

    public Task<Notification?> TryLeaseAsync(Notification notification, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) =>
        notification.SystemId == brokenSystemId ? throw Failure() : inner.TryLeaseAsync(notification, leaseUntil, cancellationToken);

    public Task<IReadOnlyList<Notification>?> TryLeaseAllAsync(IReadOnlyList<Notification> notifications, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) =>
        notifications[0].SystemId == brokenSystemId ? throw Failure() : inner.TryLeaseAllAsync(notifications, leaseUntil, cancellationToken);

    public Task RecordAttemptsAsync(IReadOnlyList<(Notification Updated, NotificationAttempt Attempt)> results, CancellationToken cancellationToken = default) =>
        inner.RecordAttemptsAsync(results, cancellationToken);

    public Task RecordAttemptAsync(Notification updated, NotificationAttempt attempt, CancellationToken cancellationToken = default) =>
        inner.RecordAttemptAsync(updated, attempt, cancellationToken);

    public Task<int> CountPendingAsync(CancellationToken cancellationToken = default) => inner.CountPendingAsync(cancellationToken);

    private InvalidOperationException Failure() => new($"Injected storage failure for {brokenSystemId}.");
}
