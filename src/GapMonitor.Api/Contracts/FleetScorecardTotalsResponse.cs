using System.Text.Json.Serialization;

namespace GapMonitor.Api.Contracts;

/// <summary>
/// <paramref name="Systems"/> counts every system in scope (all pages); <paramref name="AverageScore"/> and
/// <paramref name="Measures"/> cover the <paramref name="SystemsOnPage"/> systems of this page (the whole fleet when it fits one page).
/// </summary>
public sealed record FleetScorecardTotalsResponse(int Systems, int SystemsOnPage, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? AverageScore, IReadOnlyList<ScorecardMeasureTotalResponse> Measures);
