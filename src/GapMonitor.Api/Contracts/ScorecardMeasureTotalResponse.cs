namespace GapMonitor.Api.Contracts;

/// <summary>How many systems met, missed, or had no value for one measure.</summary>
public sealed record ScorecardMeasureTotalResponse(string Practice, string Measure, int Met, int Missed, int NoValue);
