namespace GapMonitor.Web.Drift;

/// <summary>A column a drift report could not compare, and why (in words).</summary>
public sealed record DriftSkippedRow(string Column, string Reason);
