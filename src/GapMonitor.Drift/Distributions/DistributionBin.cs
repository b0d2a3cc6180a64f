namespace GapMonitor.Drift.Distributions;

/// <summary>One bar of a reference-vs-current chart: a numeric bin <c>[Lower, Upper)</c> (the last one closed) or one category.</summary>
/// <param name="Label">The category, or the bin's range as text.</param>
/// <param name="Lower">A numeric bin's lower edge; null for a category.</param>
/// <param name="Upper">A numeric bin's upper edge; null for a category.</param>
/// <param name="Reference">The share (0–1) of the reference's non-missing values in this bar.</param>
/// <param name="Current">The share (0–1) of the current data's non-missing values in this bar.</param>
public sealed record DistributionBin(string Label, double? Lower, double? Upper, double Reference, double Current);
