using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Ports;

namespace GapMonitor.Core.Performance;

/// <summary>
/// Stores a closing window's predictions for late labels without losing labels already joined: a close from a stale
/// copy of the telemetry state (it loses its state write later, but its side effects stay) finds the window stored by
/// the close that won, takes over the targets stored there, and writes back under that copy's ETag.
/// </summary>
public static class PendingPredictionsSaving
{
    /// <summary>Stores <paramref name="predictions"/>, first adding to them the targets of a copy already stored.</summary>
    public static Task SaveKeepingLabelsAsync(IPendingPredictionStore store, string systemId, DateTimeOffset windowStart, DateTimeOffset windowEnd, WindowPredictions predictions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(predictions);
        return ConflictRetry.RunAsync(async () =>
        {
            if (await store.GetAsync(systemId, windowStart, cancellationToken) is not { } stored)
            {
                await store.CreateAsync(systemId, windowStart, windowEnd, predictions, cancellationToken);
                return true;
            }

            var targets = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in stored.Predictions.Kept)
            {
                if (row is { CorrelationId: { } id, Target: { } target })
                {
                    targets[id] = target;
                }
            }

            LabelJoin.Apply(predictions, targets, new HashSet<string>(StringComparer.Ordinal));
            await store.ReplaceAsync(stored with { Predictions = predictions }, cancellationToken);
            return true;
        });
    }
}
