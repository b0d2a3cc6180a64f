using GapMonitor.Core.Audit;
using GapMonitor.Core.Evaluation;
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

    public Task<ResultPage<MonitoredSystem>> ListPageAsync(string? vendor, string? customer, PageRequest page, CancellationToken cancellationToken = default) =>
        inner.ListPageAsync(vendor, customer, page, cancellationToken);

    public Task<ResultPage<AuditEntry>> GetAuditPageAsync(string systemId, PageRequest page, CancellationToken cancellationToken = default) =>
        inner.GetAuditPageAsync(systemId, page, cancellationToken);
}
