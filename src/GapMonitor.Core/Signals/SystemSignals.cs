using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Signals;

/// <summary>
/// Changes what a system knows about its signals and re-evaluates it in the same atomic write, so a signal that
/// resolves or opens an alert does so at once. Read–change–write under the system's ETag, again on a conflict.
/// </summary>
public sealed class SystemSignals(ISystemStore store, SystemEvaluator evaluator, TimeProvider timeProvider)
{
    /// <param name="change">Returns the system unchanged (the same instance) when there is nothing to write.</param>
    /// <param name="known">The system as the caller just read it: the first attempt uses it instead of reading again;
    /// if it is stale the write conflicts and the next attempt reads.</param>
    public Task UpdateAsync(string systemId, Func<MonitoredSystem, MonitoredSystem> change, CancellationToken cancellationToken = default, SystemWithAlerts? known = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        return ConflictRetry.RunAsync(async () =>
        {
            var current = Interlocked.Exchange(ref known, null) ?? await store.GetAsync(systemId, cancellationToken);
            if (current is null)
            {
                return false;
            }

            var updated = change(current.System);
            if (ReferenceEquals(updated, current.System))
            {
                return false;
            }

            await store.ApplyAsync(evaluator.Evaluate(updated, current.ActiveAlerts, timeProvider.GetUtcNow()), updated, cancellationToken);
            return true;
        });
    }
}
