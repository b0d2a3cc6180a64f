using GapMonitor.Core.Ownership;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Fleet;

/// <summary>One system as the fleet shows it, read from the system row and its active alerts only.</summary>
/// <param name="Monitoring">One of the monitoring states of <see cref="FleetStates"/>.</param>
/// <param name="OpenAlerts">Alerts in state open (not acknowledged), by kind.</param>
/// <param name="AcknowledgedAlerts">Acknowledged alerts, by kind.</param>
/// <param name="OldestUnacknowledgedAt">Since when the longest-waiting open alert waits (its opening, or its reopening).</param>
/// <param name="Lapsed">An open alert, or monitoring down (a retired system never lapses).</param>
/// <param name="ContinuityScore">Share of the scorecard's practices met, 0–100.</param>
/// <param name="Ownership">Where the customer's confirmation of ownership stands, and when the next one is due.</param>
/// <param name="SilencedUntil">The latest end of the silences in effect now; null when none is.</param>
public sealed record FleetRow(
    MonitoredSystem System,
    Party Owner,
    string Monitoring,
    IReadOnlyDictionary<string, int> OpenAlerts,
    IReadOnlyDictionary<string, int> AcknowledgedAlerts,
    DateTimeOffset? OldestUnacknowledgedAt,
    DriftSignal? LastDrift,
    bool Lapsed,
    int ContinuityScore,
    OwnershipState Ownership,
    DateTimeOffset OwnershipDueAt,
    DateTimeOffset? SilencedUntil);
