namespace GapMonitor.Core.Fleet;

/// <summary>Counts over every system the query selects, on all pages.</summary>
/// <param name="ByOwner">Systems by the party owning operations now (<c>vendor</c>, <c>customer</c>).</param>
/// <param name="ByMonitoring">Systems by monitoring state.</param>
/// <param name="OpenAlerts">Open alerts by kind.</param>
public sealed record FleetTotals(
    int Systems,
    int Lapsed,
    IReadOnlyDictionary<string, int> ByOwner,
    IReadOnlyDictionary<string, int> ByMonitoring,
    IReadOnlyDictionary<string, int> OpenAlerts);
