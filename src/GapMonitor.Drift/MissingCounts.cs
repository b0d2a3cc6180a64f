namespace GapMonitor.Drift;

/// <summary>Missing values (empty, NaN, ±Inf) left out of every statistic.</summary>
public sealed record MissingCounts(long Reference, long Current);
