using GapMonitor.Core.Performance;

namespace GapMonitor.Core.Ports;

/// <summary>
/// The kept predictions of closed windows that still wait for labels (closed less than <c>labelWait</c> ago), one
/// document per window, written with its ETag so concurrent label batches never overwrite each other.
/// </summary>
public interface IPendingPredictionStore
{
    /// <summary>
    /// Stores a window's predictions as it closes; throws <see cref="Concurrency.ConcurrencyConflictException"/> when the
    /// window is already stored (closed concurrently, and labels may have reached it since): see <see cref="Performance.PendingPredictionsSaving"/>.
    /// </summary>
    Task CreateAsync(string systemId, DateTimeOffset windowStart, DateTimeOffset windowEnd, WindowPredictions predictions, CancellationToken cancellationToken = default);

    /// <summary>The windows of a system still waiting, oldest first.</summary>
    IAsyncEnumerable<PendingPredictions> ListAsync(string systemId, CancellationToken cancellationToken = default);

    /// <summary>One window's predictions as stored; null when there are none (never saved, or deleted).</summary>
    Task<PendingPredictions?> GetAsync(string systemId, DateTimeOffset windowStart, CancellationToken cancellationToken = default);

    /// <summary>Replaces a window's predictions if unchanged since read; throws <see cref="Concurrency.ConcurrencyConflictException"/> otherwise.</summary>
    Task ReplaceAsync(PendingPredictions pending, CancellationToken cancellationToken = default);

    /// <summary>Deletes the windows that started before <paramref name="startedBefore"/> without reading them; returns how many.</summary>
    Task<int> PruneAsync(string systemId, DateTimeOffset startedBefore, CancellationToken cancellationToken = default);

    Task DeleteAsync(string systemId, DateTimeOffset windowStart, CancellationToken cancellationToken = default);
}
