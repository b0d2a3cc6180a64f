namespace GapMonitor.Core.Scorecards;

/// <summary>One measure of one continuous practice over a period, measured from the stored history.</summary>
/// <param name="Practice">One of <see cref="ScorecardPractices"/>.</param>
/// <param name="Measure">The measure's stable name, e.g. <c>monitoring-up-share</c>.</param>
/// <param name="Value">The measured value; null when the period holds nothing to measure (then it counts neither way).</param>
/// <param name="Target">The value to reach.</param>
/// <param name="Comparison"><c>at-least</c> or <c>at-most</c>: how <paramref name="Value"/> meets <paramref name="Target"/>.</param>
/// <param name="Unit"><c>share</c> (0–1), <c>hours</c>, <c>days</c> or <c>count</c>.</param>
/// <param name="Met">Whether the value meets the target; null when <paramref name="Value"/> is.</param>
/// <param name="Detail">One sentence for people: what was counted.</param>
public sealed record ScorecardMeasure(string Practice, string Measure, double? Value, double Target, string Comparison, string Unit, bool? Met, string Detail);
