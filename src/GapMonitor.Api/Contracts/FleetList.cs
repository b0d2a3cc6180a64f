namespace GapMonitor.Api.Contracts;

/// <summary>A page of the fleet, and <c>totals</c> over every system the query selects (all pages).</summary>
public sealed record FleetList(IReadOnlyList<FleetSystemResponse> Items, string? Next, FleetTotalsResponse Totals) : ListPage<FleetSystemResponse>(Items, Next);
