namespace GapMonitor.Drift;

/// <summary>A column that could not be compared, and why.</summary>
public sealed record SkippedColumn(string Name, string Reason, MissingCounts? Missing = null);
