namespace GapMonitor.Drift;

/// <summary>Missing values left out of every statistic: null text, NaN and ±Infinity.</summary>
/// <param name="Reference">Missing values in the reference column.</param>
/// <param name="Current">Missing values in the current column.</param>
public sealed record MissingCounts(long Reference, long Current);
