namespace GapMonitor.Api.Contracts;

/// <summary>Counts over every system the query selects, on all pages.</summary>
/// <param name="Lapsed">Systems with an open alert or monitoring down.</param>
/// <param name="ByOwner">Systems by the party owning operations now.</param>
/// <param name="ByMonitoring">Systems by monitoring state.</param>
/// <param name="OpenAlerts">Open alerts by kind.</param>
public sealed record FleetTotalsResponse(
    int Systems,
    int Lapsed,
    IReadOnlyDictionary<string, int> ByOwner,
    IReadOnlyDictionary<string, int> ByMonitoring,
    IReadOnlyDictionary<string, int> OpenAlerts);
