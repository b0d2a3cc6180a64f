using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Alerts;

/// <summary>Acknowledging stops escalation; it races safely with a sweep escalating the same alert (ETags decide, the loser retries).</summary>
public sealed class AlertAcknowledgement(ISystemStore store, AlertTransitions transitions, TimeProvider timeProvider)
{
    public Task<AcknowledgeOutcome> AcknowledgeAsync(Principal principal, string alertId, string? by, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return AcknowledgeAsync(principal.CanSee, alertId, by ?? principal.Name, note, principal.Name, alsoWrite: null, cancellationToken);
    }

    /// <summary>
    /// Acknowledges for whoever holds a signed action link (which already decided the alert may be acknowledged):
    /// <paramref name="recipient"/> is both who acknowledged and the audit's actor. <paramref name="alsoWrite"/> adds
    /// to the change set written with the acknowledgement (the link's used-marker), so both happen or neither.
    /// </summary>
    public Task<AcknowledgeOutcome> AcknowledgeAsync(string alertId, string recipient, string? note, Action<SystemChangeSet>? alsoWrite, CancellationToken cancellationToken = default) =>
        AcknowledgeAsync(_ => true, alertId, recipient, note, recipient, alsoWrite, cancellationToken);

    private Task<AcknowledgeOutcome> AcknowledgeAsync(
        Func<MonitoredSystem, bool> canSee,
        string alertId,
        string by,
        string? note,
        string actor,
        Action<SystemChangeSet>? alsoWrite,
        CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync(async () =>
        {
            var systemId = IdGenerator.SystemIdOfAlert(alertId);
            var current = systemId is null ? null : await store.GetAsync(systemId, cancellationToken);
            if (current is null || !canSee(current.System))
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
            changes.Add(transitions.Acknowledge(current.System, alert, by, note, timeProvider.GetUtcNow(), actor));
            alsoWrite?.Invoke(changes);
            await store.ApplyAsync(changes, cancellationToken: cancellationToken);
            return AcknowledgeOutcome.Acknowledged;
        });
}
