using System.Text.Json.Serialization;

namespace GapMonitor.Api.Contracts;

/// <summary>A metric outside its band.</summary>
/// <param name="Source"><c>realized</c> or <c>estimated</c>.</param>
public sealed record PerformanceAlertResponse(
    string Metric,
    string Source,
    double Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Lower,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Upper);
