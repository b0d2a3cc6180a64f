namespace GapMonitor.Core.Scorecards;

/// <summary>A page of the fleet's scorecards in system id order, the id to continue after (null: nothing left), and the totals.</summary>
public sealed record ScorecardFleetPage(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<Scorecard> Items, string? Continuation, ScorecardTotals Totals);
