using System.Text.Json.Serialization;

namespace GapMonitor.Api.Contracts;

/// <summary>One measure of one continuous practice over the period, measured from the stored history.</summary>
/// <param name="Value">Null when the period held nothing to measure (it then counts neither way in the score).</param>
/// <param name="Comparison"><c>at-least</c> or <c>at-most</c>.</param>
/// <param name="Unit"><c>share</c> (0–1), <c>hours</c>, <c>days</c> or <c>count</c>.</param>
/// <param name="Met">Whether the value meets the target; null when the value is.</param>
public sealed record ScorecardMeasureResponse(string Practice, string Measure, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Value, double Target, string Comparison, string Unit, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] bool? Met, string Detail);
