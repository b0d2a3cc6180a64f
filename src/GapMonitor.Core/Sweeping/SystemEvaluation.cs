using GapMonitor.Core.Alerts;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Ports;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Core.Sweeping;

/// <summary>Evaluates one system and writes the result atomically; a concurrent writer wins and this attempt is dropped.</summary>
public sealed class SystemEvaluation(ISystemStore store, SystemEvaluator evaluator, TimeProvider timeProvider, ILogger<SystemEvaluation> logger)
{
    public async Task<EvaluationOutcome> EvaluateAsync(SystemWithAlerts current, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        var changes = evaluator.Evaluate(current.System, current.ActiveAlerts, timeProvider.GetUtcNow());
        if (changes.IsEmpty)
        {
            return new EvaluationOutcome(0, 0, 0, Conflict: false);
        }

        try
        {
            // The system row goes into the batch under the ETag it was listed with: a heartbeat or an update that
            // landed since then makes this decision stale, and the batch fails instead of opening a false alert.
            await store.ApplyAsync(changes, current.System, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Another sweep (or a heartbeat) changed this system first; its decision stands and the next sweep re-evaluates.
            logger.LogInformation("Skipped {SystemId}: changed concurrently", current.System.Id);
            return new EvaluationOutcome(0, 0, 0, Conflict: true);
        }

        return new EvaluationOutcome(
            changes.CreatedAlerts.Count,
            changes.UpdatedAlerts.Count(a => a.State != AlertState.Resolved && a.EscalatedAt is not null && !current.ActiveAlerts.Any(o => o.Id == a.Id && o.EscalatedAt == a.EscalatedAt)),
            changes.UpdatedAlerts.Count(a => a.State == AlertState.Resolved),
            Conflict: false,
            changes.Notifications.Count);
    }
}
