namespace GapMonitor.Core.Telemetry;

/// <summary>A data-quality finding of a window against the reference.</summary>
public sealed record DataQualityFinding(string Kind, string Column, string Detail, double? Value = null);
