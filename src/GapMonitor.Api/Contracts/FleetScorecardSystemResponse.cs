namespace GapMonitor.Api.Contracts;

/// <summary>One system of the fleet scorecard.</summary>
public sealed record FleetScorecardSystemResponse(string SystemId, string Name, string Vendor, string Customer, int? Score, IReadOnlyList<ScorecardMeasureResponse> Practices);
