using System.Collections.Concurrent;
using GapMonitor.Core.Ports;

namespace GapMonitor.Core.Systems;

/// <summary>
/// Systems as this process read them in the last <see cref="Lifetime"/>, so that a push authenticated by its ingest key
/// costs no storage read. At most <see cref="Capacity"/> systems are kept. What another process changes (a rotated
/// ingest key, a retired system) is seen here within <see cref="Lifetime"/>; what this process changes through
/// <see cref="SystemRegistry"/> is forgotten at once. A read that started before a change is not remembered after it.
/// </summary>
public sealed class RecentSystems(TimeProvider timeProvider)
{
    /// <summary>How long a system read from storage is used instead of reading it again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _changes;
    private long _nextScanTicks;

    /// <summary>Taken before reading a system from storage and given to <see cref="Remember"/>.</summary>
    public ReadStart StartRead() => new(Interlocked.Read(ref _changes), timeProvider.GetUtcNow());

    public SystemWithAlerts? Find(string systemId)
    {
        ArgumentNullException.ThrowIfNull(systemId);
        return _entries.TryGetValue(systemId, out var entry) && timeProvider.GetUtcNow() < entry.Until ? entry.System : null;
    }

    /// <summary>
    /// Keeps <paramref name="system"/>, read from storage after <paramref name="start"/>, unless a change was forgotten
    /// since. Its lifetime counts from the start of the read: a slow read does not stretch how old a copy may be.
    /// </summary>
    public void Remember(SystemWithAlerts system, ReadStart start)
    {
        ArgumentNullException.ThrowIfNull(system);
        var now = timeProvider.GetUtcNow();
        if (_entries.Count >= Capacity && !_entries.ContainsKey(system.System.Id) && !RemoveExpired(now))
        {
            return;
        }

        _entries[system.System.Id] = new Entry(system, start.At + Lifetime);
        if (Interlocked.Read(ref _changes) != start.Changes)
        {
            // A change was forgotten while this copy was being read: it may predate the change.
            _entries.TryRemove(system.System.Id, out _);
        }
    }

    /// <summary>
    /// Drops expired copies, scanning at most once a <see cref="Lifetime"/> (a full cache of live copies is not scanned
    /// on every miss); true when there is room now.
    /// </summary>
    private bool RemoveExpired(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextScanTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextScanTicks, (now + Lifetime).UtcTicks, due) != due)
        {
            return false;
        }

        foreach (var (id, entry) in _entries)
        {
            if (entry.Until <= now)
            {
                _entries.TryRemove(id, out _);
            }
        }

        return _entries.Count < Capacity;
    }

    /// <summary>Called when this process changes the system: the next use reads it from storage.</summary>
    public void Forget(string systemId)
    {
        ArgumentNullException.ThrowIfNull(systemId);
        Interlocked.Increment(ref _changes);
        _entries.TryRemove(systemId, out _);
    }

    /// <summary>Where a read from storage started: the changes forgotten so far, and the time.</summary>
    public readonly record struct ReadStart(long Changes, DateTimeOffset At);

    private sealed record Entry(SystemWithAlerts System, DateTimeOffset Until);
}
