using System.Text.Json.Serialization;

namespace GapMonitor.Api.Contracts;

/// <summary>The band a metric should stay in; a null side is not checked.</summary>
public sealed record MetricThresholdResponse(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Lower,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Upper);
