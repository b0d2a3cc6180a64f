using System.Text.Json.Serialization;

namespace GapMonitor.Api.Contracts;

/// <summary>One system of the fleet scorecard.</summary>
public sealed record FleetScorecardSystemResponse(string SystemId, string Name, string Vendor, string Customer, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Score, IReadOnlyList<ScorecardMeasureResponse> Practices);
