using System.Runtime.CompilerServices;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Audit;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Tests.Support;

/// <summary>
/// Systems with their active alerts in memory, for unit tests of Core use cases; keeps every change set applied and
/// puts its notifications in <paramref name="outbox"/> (written together, as the table store does).
/// </summary>
internal sealed class InMemorySystemStore(InMemoryOutbox? outbox = null) : ISystemStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SystemWithAlerts> _systems = new(StringComparer.Ordinal);
    private readonly List<SystemChangeSet> _applied = [];
    private int _listings;
    private int _reads;

    /// <summary>How many times the systems were listed (every system, or a shard of them).</summary>
    public int Listings => _listings;

    /// <summary>How many times one system was read (<see cref="GetAsync"/>).</summary>
    public int Reads => _reads;

    /// <summary>Reads of the ids it names fail, as a storage read that runs out of retries.</summary>
    public Func<string, bool>? FailReadsOf { get; set; }

    public IReadOnlyList<SystemChangeSet> Applied
    {
        get
        {
            lock (_gate)
            {
                return [.. _applied];
            }
        }
    }

    public MonitoredSystem this[string systemId]
    {
        get
        {
            lock (_gate)
            {
                return _systems[systemId].System;
            }
        }
    }

    public void Add(MonitoredSystem system, params Alert[] active)
    {
        lock (_gate)
        {
            _systems[system.Id] = new SystemWithAlerts(system, active);
        }
    }

    public Task<SystemWithAlerts?> GetAsync(string systemId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        if (FailReadsOf?.Invoke(systemId) == true)
        {
            return Task.FromException<SystemWithAlerts?>(new IOException($"Reading {systemId} failed"));
        }

        lock (_gate)
        {
            return Task.FromResult(_systems.GetValueOrDefault(systemId));
        }
    }

    public Task<MonitoredSystem> CreateAsync(MonitoredSystem system, AuditEntry audit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_systems.TryAdd(system.Id, new SystemWithAlerts(system, [])))
            {
                throw new ConcurrencyConflictException($"System {system.Id} exists.");
            }
        }

        return Task.FromResult(system);
    }

    public Task<MonitoredSystem> UpdateAsync(MonitoredSystem system, AuditEntry audit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _systems[system.Id] = _systems[system.Id] with { System = system };
        }

        return Task.FromResult(system);
    }

    public Task ApplyAsync(SystemChangeSet changes, MonitoredSystem? system = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var current = _systems[changes.SystemId];
            var updated = changes.UpdatedAlerts.ToDictionary(a => a.Id, StringComparer.Ordinal);
            List<Alert> active = [.. current.ActiveAlerts.Select(a => updated.GetValueOrDefault(a.Id, a)), .. changes.CreatedAlerts];
            _systems[changes.SystemId] = new SystemWithAlerts(changes.UpdatedSystem ?? system ?? current.System, [.. active.Where(a => a.State != AlertState.Resolved)]);
            _applied.Add(changes);
            outbox?.Add(changes.Notifications);
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<SystemWithAlerts> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _listings);
        List<SystemWithAlerts> systems;
        lock (_gate)
        {
            systems = [.. _systems.Values];
        }

        foreach (var system in systems)
        {
            await Task.Yield();
            yield return system;
        }
    }

    public Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string systemId, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>([.. Applied.Where(c => c.SystemId == systemId).SelectMany(c => c.Audit).Take(max)]);

    public Task<ResultPage<MonitoredSystem>> ListPageAsync(string? vendor, string? customer, PageRequest page, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Lists are tested against Azurite.");

    public Task<ResultPage<AuditEntry>> GetAuditPageAsync(string systemId, PageRequest page, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Lists are tested against Azurite.");
}
