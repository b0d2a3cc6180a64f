using GapMonitor.Core.Ports;
using GapMonitor.Core.Telemetry;

namespace GapMonitor.Core.Tests.Support;

/// <summary>Closed windows in memory; <see cref="FailuresToCause"/> saves fail first, as an unreachable store would.</summary>
internal sealed class InMemoryDriftWindowStore : IDriftWindowStore
{
    public List<DriftWindowRecord> Saved { get; } = [];

    public int FailuresToCause { get; set; }

    public Task SaveAsync(DriftWindowRecord record, CancellationToken cancellationToken = default)
    {
        if (FailuresToCause > 0)
        {
            FailuresToCause--;
            throw new IOException("Storage unreachable.");
        }

        Saved.RemoveAll(r => r.SystemId == record.SystemId && r.WindowStart == record.WindowStart);
        Saved.Add(record);
        return Task.CompletedTask;
    }

    public Task<DriftWindowRecord?> GetAsync(string systemId, DateTimeOffset windowStart, CancellationToken cancellationToken = default) =>
        Task.FromResult(Saved.Find(r => r.SystemId == systemId && r.WindowStart == windowStart));

    public Task<IReadOnlyList<DriftWindowRecord>> ListAsync(string systemId, DateTimeOffset? from, DateTimeOffset? to, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DriftWindowRecord>>(
            [.. Saved.Where(r => r.SystemId == systemId && (from is null || r.WindowStart >= from) && (to is null || r.WindowStart < to)).OrderByDescending(r => r.WindowStart).Take(max)]);

    /// <summary>Both bounds inclusive, newest first; the continuation is the number of windows already listed.</summary>
    public Task<ResultPage<DriftWindowRecord>> ListPageAsync(string systemId, DateTimeOffset? from, DateTimeOffset? to, PageRequest page, CancellationToken cancellationToken = default)
    {
        var newest = Saved.Where(r => r.SystemId == systemId && (from is null || r.WindowStart >= from) && (to is null || r.WindowStart <= to)).OrderByDescending(r => r.WindowStart).ToList();
        var skip = page.Continuation is null ? 0 : int.Parse(page.Continuation, System.Globalization.CultureInfo.InvariantCulture);
        var items = newest.Skip(skip).Take(page.Limit).ToList();
        var next = skip + items.Count;
        return Task.FromResult(new ResultPage<DriftWindowRecord>(items, next < newest.Count ? next.ToString(System.Globalization.CultureInfo.InvariantCulture) : null));
    }
}
