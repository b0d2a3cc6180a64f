namespace GapMonitor.Core.Fleet;

/// <summary>A page of the fleet in system id order, the id to continue after (null: nothing left), and the totals of all pages.</summary>
public sealed record FleetPage(IReadOnlyList<FleetRow> Items, string? Continuation, FleetTotals Totals);
