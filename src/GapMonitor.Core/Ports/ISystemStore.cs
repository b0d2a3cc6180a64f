using GapMonitor.Core.Audit;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Sweeping.Shards;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Ports;

/// <summary>Persistence of systems and of everything that changes atomically with them.</summary>
public interface ISystemStore
{
    Task<SystemWithAlerts?> GetAsync(string systemId, CancellationToken cancellationToken = default);

    /// <summary>Inserts a new system; <see cref="ConcurrencyConflictException"/> when the id is taken.</summary>
    Task<MonitoredSystem> CreateAsync(MonitoredSystem system, AuditEntry audit, CancellationToken cancellationToken = default);

    /// <summary>Replaces a system if its ETag still matches; <see cref="ConcurrencyConflictException"/> otherwise.</summary>
    Task<MonitoredSystem> UpdateAsync(MonitoredSystem system, AuditEntry audit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a change set together with <paramref name="system"/> (changed, or as read — either way replaced under
    /// its ETag): all or nothing when it fits one transaction; a larger one is split, each alert change staying whole
    /// with its notifications and audit entry, and every part guarded by the system row. Without
    /// <paramref name="system"/> the store reads the system first.
    /// <see cref="ConcurrencyConflictException"/> when any row changed since it was read.
    /// </summary>
    Task ApplyAsync(SystemChangeSet changes, MonitoredSystem? system = null, CancellationToken cancellationToken = default);

    /// <summary>Every system with its active alerts, for the sweep.</summary>
    IAsyncEnumerable<SystemWithAlerts> ListAllAsync(CancellationToken cancellationToken = default);

    /// <summary>The systems of one shard with their active alerts, in id order: a queued sweep's share of <see cref="ListAllAsync"/>.</summary>
    IAsyncEnumerable<SystemWithAlerts> ListRangeAsync(SweepShard shard, CancellationToken cancellationToken = default) =>
        ListAllAsync(cancellationToken).Where(s => shard.Contains(s.System.Id));

    /// <summary>Every system's id in ordinal order, and nothing else: what the sweep timer cuts into shards.</summary>
    IAsyncEnumerable<string> ListIdsAsync(CancellationToken cancellationToken = default) =>
        ListAllAsync(cancellationToken).Select(s => s.System.Id).Order(StringComparer.Ordinal);

    Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string systemId, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// A page of systems in id order, of <paramref name="vendor"/> and <paramref name="customer"/> when given (the
    /// caller still checks its scope on each). Rows that cannot be read are logged and left out.
    /// </summary>
    Task<ResultPage<MonitoredSystem>> ListPageAsync(string? vendor, string? customer, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>A page of the system's audit entries, newest first.</summary>
    Task<ResultPage<AuditEntry>> GetAuditPageAsync(string systemId, PageRequest page, CancellationToken cancellationToken = default);
}
