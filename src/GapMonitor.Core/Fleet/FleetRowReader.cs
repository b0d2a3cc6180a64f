using GapMonitor.Core.Alerts;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Ownership;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Status;

namespace GapMonitor.Core.Fleet;

/// <summary>Reads a fleet row from what the system row and its active alerts hold: no further read per system.</summary>
public static class FleetRowReader
{
    public static FleetRow Read(SystemWithAlerts found, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(found);
        var system = found.System;
        var active = found.ActiveAlerts;
        var heartbeat = HeartbeatRules.StateAt(system, now);
        var open = active.Where(a => a.State == AlertState.Open).ToList();
        var monitoring = system.IsRetired ? FleetStates.Retired : heartbeat.ToString().ToLowerInvariant();
        return new FleetRow(
            system,
            system.OperationsOwnerAt(now),
            monitoring,
            ByKind(open),
            ByKind(active.Where(a => a.State == AlertState.Acknowledged)),
            open.Count == 0 ? null : open.Min(a => a.EscalationClockStart),
            system.Signals.Drift,
            !system.IsRetired && (open.Count > 0 || heartbeat == HeartbeatState.Down),
            Score(ContinuityScorecard.Read(system, heartbeat, active, now)),
            OwnershipRules.StateAt(system, now),
            OwnershipRules.DueAt(system),
            system.Silences.Where(s => s.IsActiveAt(now)).Select(s => (DateTimeOffset?)s.EndsAt).Max());
    }

    /// <summary>The share of practices met (<c>ok</c>), as a whole percentage.</summary>
    public static int Score(IReadOnlyCollection<Practice> practices)
    {
        ArgumentNullException.ThrowIfNull(practices);
        return practices.Count == 0
            ? 0
            : (int)Math.Round(100.0 * practices.Count(p => p.State == "ok") / practices.Count, MidpointRounding.AwayFromZero);
    }

    private static SortedDictionary<string, int> ByKind(IEnumerable<Alert> alerts)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var alert in alerts)
        {
            counts[alert.Kind] = counts.GetValueOrDefault(alert.Kind) + 1;
        }

        return counts;
    }
}
