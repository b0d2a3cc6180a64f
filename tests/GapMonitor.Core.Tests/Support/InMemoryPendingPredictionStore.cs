using System.Globalization;
using System.Runtime.CompilerServices;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Performance;
using GapMonitor.Core.Ports;

namespace GapMonitor.Core.Tests.Support;

/// <summary>
/// Pending predictions in memory under a counter ETag, each read and write a copy (as a stored document is); the next
/// <see cref="ConflictsToCause"/> replaces fail as a concurrent writer's would.
/// </summary>
internal sealed class InMemoryPendingPredictionStore : IPendingPredictionStore
{
    private readonly SortedDictionary<(string SystemId, DateTimeOffset Start), PendingPredictions> _stored = [];
    private int _version;

    public int ConflictsToCause { get; set; }

    public int Replaces { get; private set; }

    /// <summary>Runs once right after the next successful replace, as a concurrent writer right behind it would.</summary>
    public Action<InMemoryPendingPredictionStore>? AfterNextReplace { get; set; }

    public PendingPredictions? this[string systemId, DateTimeOffset start] => _stored.TryGetValue((systemId, start), out var p) ? Copy(p) : null;

    public Task CreateAsync(string systemId, DateTimeOffset windowStart, DateTimeOffset windowEnd, WindowPredictions predictions, CancellationToken cancellationToken = default)
    {
        if (_stored.ContainsKey((systemId, windowStart)))
        {
            throw new GapMonitor.Core.Concurrency.ConcurrencyConflictException("Already stored.");
        }

        _stored[(systemId, windowStart)] = new PendingPredictions(systemId, windowStart, windowEnd, Copy(predictions), NextETag());
        return Task.CompletedTask;
    }

    public Task<PendingPredictions?> GetAsync(string systemId, DateTimeOffset windowStart, CancellationToken cancellationToken = default) =>
        Task.FromResult(this[systemId, windowStart]);

    public async IAsyncEnumerable<PendingPredictions> ListAsync(string systemId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var key in _stored.Keys.Where(k => k.SystemId == systemId).ToList())
        {
            await Task.Yield();
            if (this[key.SystemId, key.Start] is { } pending)
            {
                yield return pending;
            }
        }
    }

    public Task ReplaceAsync(PendingPredictions pending, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var key = (pending.SystemId, pending.WindowStart);
        if (ConflictsToCause > 0 || !_stored.TryGetValue(key, out var stored) || stored.ETag != pending.ETag)
        {
            ConflictsToCause = Math.Max(0, ConflictsToCause - 1);
            throw new ConcurrencyConflictException($"Pending predictions of {pending.SystemId} changed.");
        }

        _stored[key] = pending with { Predictions = Copy(pending.Predictions), ETag = NextETag() };
        Replaces++;
        var after = AfterNextReplace;
        AfterNextReplace = null;
        after?.Invoke(this);
        return Task.CompletedTask;
    }

    /// <summary>Sets one kept row's target in place, as another label batch would.</summary>
    public void SetTarget(string systemId, DateTimeOffset start, string correlationId, string target)
    {
        var stored = _stored[(systemId, start)];
        var kept = stored.Predictions.Kept;
        var i = kept.FindIndex(r => r.CorrelationId == correlationId);
        kept[i] = kept[i] with { Target = target };
        _stored[(systemId, start)] = stored with { ETag = NextETag() };
    }

    public Task<int> PruneAsync(string systemId, DateTimeOffset startedBefore, CancellationToken cancellationToken = default)
    {
        var expired = _stored.Keys.Where(k => k.SystemId == systemId && k.Start < startedBefore).ToList();
        expired.ForEach(k => _stored.Remove(k));
        return Task.FromResult(expired.Count);
    }

    public Task DeleteAsync(string systemId, DateTimeOffset windowStart, CancellationToken cancellationToken = default)
    {
        _stored.Remove((systemId, windowStart));
        return Task.CompletedTask;
    }

    public static WindowPredictions Copy(WindowPredictions predictions) => new()
    {
        Rows = predictions.Rows,
        Seed = predictions.Seed,
        ProbabilityClasses = [.. predictions.ProbabilityClasses],
        Kept = [.. predictions.Kept],
    };

    private static PendingPredictions Copy(PendingPredictions pending) => pending with { Predictions = Copy(pending.Predictions) };

    private string NextETag() => (++_version).ToString(CultureInfo.InvariantCulture);
}
