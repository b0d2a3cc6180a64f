using System.Runtime.CompilerServices;
using GapMonitor.Core.Performance;
using GapMonitor.Core.Ports;

namespace GapMonitor.Core.Tests.Support;

/// <summary>Pending predictions in memory, as the closer saves them.</summary>
internal sealed class RecordingPendingPredictionStore : IPendingPredictionStore
{
    public List<PendingPredictions> Saved { get; } = [];

    public Task CreateAsync(string systemId, DateTimeOffset windowStart, DateTimeOffset windowEnd, WindowPredictions predictions, CancellationToken cancellationToken = default)
    {
        if (Saved.Exists(p => p.SystemId == systemId && p.WindowStart == windowStart))
        {
            throw new GapMonitor.Core.Concurrency.ConcurrencyConflictException("Already stored.");
        }

        return Store(systemId, windowStart, windowEnd, predictions);
    }

    private Task Store(string systemId, DateTimeOffset windowStart, DateTimeOffset windowEnd, WindowPredictions predictions)
    {
        Saved.RemoveAll(p => p.SystemId == systemId && p.WindowStart == windowStart);
        Saved.Add(new PendingPredictions(systemId, windowStart, windowEnd, predictions, "etag"));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<PendingPredictions> ListAsync(string systemId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        foreach (var pending in Saved.Where(p => p.SystemId == systemId).OrderBy(p => p.WindowStart))
        {
            yield return pending;
        }
    }

    public Task<PendingPredictions?> GetAsync(string systemId, DateTimeOffset windowStart, CancellationToken cancellationToken = default) =>
        Task.FromResult(Saved.Find(p => p.SystemId == systemId && p.WindowStart == windowStart));

    public Task ReplaceAsync(PendingPredictions pending, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pending);
        return Store(pending.SystemId, pending.WindowStart, pending.WindowEnd, pending.Predictions);
    }

    public Task<int> PruneAsync(string systemId, DateTimeOffset startedBefore, CancellationToken cancellationToken = default) =>
        Task.FromResult(Saved.RemoveAll(p => p.SystemId == systemId && p.WindowStart < startedBefore));

    public Task DeleteAsync(string systemId, DateTimeOffset windowStart, CancellationToken cancellationToken = default)
    {
        Saved.RemoveAll(p => p.SystemId == systemId && p.WindowStart == windowStart);
        return Task.CompletedTask;
    }
}
