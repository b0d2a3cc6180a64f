using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Status;

/// <summary>Reads a system's status and scorecard, for a principal that may see it.</summary>
public sealed class SystemStatusQuery(SystemScope scope, ITelemetryStateStore telemetryStates, IDriftWindowStore driftWindows, TimeProvider timeProvider)
{
    /// <returns>Null when the system does not exist or lies outside the principal's scope.</returns>
    public async Task<SystemStatus?> GetAsync(Principal principal, string id, CancellationToken cancellationToken = default)
    {
        var found = await scope.FindAsync(principal, id, cancellationToken: cancellationToken);
        if (found is null)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        var system = found.System;
        var active = found.ActiveAlerts.OrderBy(a => a.OpenedAt).ToList();
        var heartbeat = HeartbeatRules.StateAt(system, now);
        return new SystemStatus(
            system,
            now,
            heartbeat,
            active,
            ContinuityScorecard.Gaps(active),
            ContinuityScorecard.Read(system, heartbeat, active, now),
            await TelemetryAsync(system, cancellationToken));
    }

    private async Task<TelemetryStatus?> TelemetryAsync(MonitoredSystem s, CancellationToken cancellationToken)
    {
        if (s.Telemetry is null && s.Signals.ReferenceVersion is null && s.Signals.LastTelemetryAt is null)
        {
            return null;
        }

        var (state, _) = await telemetryStates.GetAsync(s.Id, cancellationToken);
        var latest = (await driftWindows.ListAsync(s.Id, null, null, 1, cancellationToken)).FirstOrDefault();
        return new TelemetryStatus(state, latest);
    }
}
