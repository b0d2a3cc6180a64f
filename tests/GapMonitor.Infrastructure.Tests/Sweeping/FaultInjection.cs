using GapMonitor.Core.Audit;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Storage;

namespace GapMonitor.Infrastructure.Tests.Sweeping;

/// <summary>The real store, except that writing a change for <paramref name="brokenSystemId"/> fails as storage can.</summary>
internal sealed class FailingApplySystemStore(TableSystemStore inner, string brokenSystemId) : ISystemStore
{
    public Task<SystemWithAlerts?> GetAsync(string systemId, CancellationToken cancellationToken = default) => inner.GetAsync(systemId, cancellationToken);

    public Task<MonitoredSystem> CreateAsync(MonitoredSystem system, AuditEntry audit, CancellationToken cancellationToken = default) =>
        inner.CreateAsync(system, audit, cancellationToken);

    public Task<MonitoredSystem> UpdateAsync(MonitoredSystem system, AuditEntry audit, CancellationToken cancellationToken = default) =>
        inner.UpdateAsync(system, audit, cancellationToken);

    public Task ApplyAsync(SystemChangeSet changes, MonitoredSystem? system = null, CancellationToken cancellationToken = default) =>
        changes.SystemId == brokenSystemId
            ? throw new InvalidOperationException($"Injected storage failure for {brokenSystemId}.")
            : inner.ApplyAsync(changes, system, cancellationToken);

    public IAsyncEnumerable<SystemWithAlerts> ListAllAsync(CancellationToken cancellationToken = default) => inner.ListAllAsync(cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string systemId, int max, CancellationToken cancellationToken = default) =>
        inner.GetAuditAsync(systemId, max, cancellationToken);
}

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

/// <summary>A telemetry puller whose whole run fails.</summary>
internal sealed class ThrowingPuller : ITelemetryPuller
{
    public Task<PullSummary> PullAsync(CancellationToken cancellationToken = default) => throw new InvalidOperationException("Injected pull failure.");
}
