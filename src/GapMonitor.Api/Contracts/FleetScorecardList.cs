namespace GapMonitor.Api.Contracts;

/// <summary>A page of the fleet's scorecards over one period, in system id order.</summary>
public sealed record FleetScorecardList(
    IReadOnlyList<FleetScorecardSystemResponse> Items,
    string? Next,
    FleetScorecardTotalsResponse Totals,
    DateTimeOffset From,
    DateTimeOffset To) : ListPage<FleetScorecardSystemResponse>(Items, Next);
