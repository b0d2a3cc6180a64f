using System.Text.Json.Serialization;

namespace GapMonitor.Api.Contracts;

/// <summary>A system's continuity scorecard over [<paramref name="From"/>, <paramref name="To"/>).</summary>
/// <param name="Score">0–100: the share of measures with a value that meet their target; null when none has a value.</param>
public sealed record ScorecardResponse(
    DateTimeOffset From,
    DateTimeOffset To,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Score,
    IReadOnlyList<ScorecardMeasureResponse> Practices,
    string SystemId,
    string Name,
    string Vendor,
    string Customer);
