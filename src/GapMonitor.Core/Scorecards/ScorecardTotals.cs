namespace GapMonitor.Core.Scorecards;

/// <summary>
/// The fleet scorecard's totals. <see cref="Systems"/> counts every system in scope (all pages); the score and the
/// measures cover the systems on the page, so that a page costs only its own systems' reads.
/// </summary>
/// <param name="AverageScore">The mean score of the page's systems that have one, rounded; null when none has.</param>
public sealed record ScorecardTotals(int Systems, int SystemsOnPage, int? AverageScore, IReadOnlyList<ScorecardMeasureTotal> Measures);
