namespace GapMonitor.Drift.Distributions;

/// <summary>A column's reference and current distributions on common bars, small enough to store with a window and draw.</summary>
/// <param name="Column">The column name.</param>
/// <param name="Type">Numbers (a histogram on shared bin edges) or categories (the most frequent, then "other").</param>
/// <param name="Bins">The bars, in order: ascending bins, or categories by reference frequency with "other" last.</param>
/// <param name="ReferenceCount">Non-missing reference values the shares are of.</param>
/// <param name="CurrentCount">Non-missing current values the shares are of.</param>
public sealed record ColumnDistribution(string Column, ColumnType Type, IReadOnlyList<DistributionBin> Bins, long ReferenceCount, long CurrentCount);
