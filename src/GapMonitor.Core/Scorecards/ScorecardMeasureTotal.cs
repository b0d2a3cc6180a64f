namespace GapMonitor.Core.Scorecards;

/// <summary>How the systems of a fleet scorecard fared on one measure.</summary>
/// <param name="NoValue">Systems whose period held nothing to measure.</param>
public sealed record ScorecardMeasureTotal(string Practice, string Measure, int Met, int Missed, int NoValue);
