using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;

namespace GapMonitor.Core.Alerts;

/// <summary>Acknowledging stops escalation; it races safely with a sweep escalating the same alert (ETags decide, the loser retries).</summary>
public sealed class AlertAcknowledgement(ISystemStore store, AlertTransitions transitions, TimeProvider timeProvider)
{
    public Task<AcknowledgeOutcome> AcknowledgeAsync(Principal principal, string alertId, string? by, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return ConflictRetry.RunAsync(async () =>
        {
            var systemId = IdGenerator.SystemIdOfAlert(alertId);
            var current = systemId is null ? null : await store.GetAsync(systemId, cancellationToken);
            if (current is null || !principal.CanSee(current.System))
            {
                return AcknowledgeOutcome.NotFound;
            }

            var alert = current.ActiveAlerts.FirstOrDefault(a => a.Id == alertId);
            if (alert is null)
            {
                return AcknowledgeOutcome.AlreadyResolved;
            }

            if (alert.State == AlertState.Acknowledged)
            {
                return AcknowledgeOutcome.AlreadyAcknowledged;
            }

            var changes = new SystemChangeSet(current.System.Id);
            changes.Add(transitions.Acknowledge(current.System, alert, by ?? principal.Name, note, timeProvider.GetUtcNow(), principal.Name));
            await store.ApplyAsync(changes, cancellationToken: cancellationToken);
            return AcknowledgeOutcome.Acknowledged;
        });
    }
}
