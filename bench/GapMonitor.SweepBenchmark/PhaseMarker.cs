using System.Diagnostics;
using System.Runtime.CompilerServices;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;

namespace GapMonitor.SweepBenchmark;

/// <summary>
/// Wraps the outbox to note when a sweep moves from evaluation to delivery (its first outbox query),
/// so the sweep's time and requests can be split between the two phases without touching product code.
/// </summary>
public sealed class PhaseMarker(IOutbox inner, RequestCounter counter) : IOutbox
{
    public long? DeliveryStartedAt { get; private set; }

    public RequestCounts? RequestsAtDeliveryStart { get; private set; }

    public void Reset()
    {
        DeliveryStartedAt = null;
        RequestsAtDeliveryStart = null;
    }

    public async IAsyncEnumerable<Notification> ListDueAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (DeliveryStartedAt is null)
        {
            DeliveryStartedAt = Stopwatch.GetTimestamp();
            RequestsAtDeliveryStart = counter.Snapshot();
        }

        await foreach (var notification in inner.ListDueAsync(now, cancellationToken))
        {
            yield return notification;
        }
    }

    public Task<Notification?> TryLeaseAsync(Notification notification, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) =>
        inner.TryLeaseAsync(notification, leaseUntil, cancellationToken);

    public Task<IReadOnlyList<Notification>?> TryLeaseAllAsync(IReadOnlyList<Notification> notifications, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) =>
        inner.TryLeaseAllAsync(notifications, leaseUntil, cancellationToken);

    public Task RecordAttemptsAsync(IReadOnlyList<(Notification Updated, NotificationAttempt Attempt)> results, CancellationToken cancellationToken = default) =>
        inner.RecordAttemptsAsync(results, cancellationToken);

    public Task RecordAttemptAsync(Notification updated, NotificationAttempt attempt, CancellationToken cancellationToken = default) =>
        inner.RecordAttemptAsync(updated, attempt, cancellationToken);

    public Task<int> CountPendingAsync(CancellationToken cancellationToken = default) => inner.CountPendingAsync(cancellationToken);
}
