namespace GapMonitor.Core.Telemetry;

/// <summary>A stored and profiled reference dataset.</summary>
public sealed record ReferenceUpload(string Version, long Rows, IReadOnlyList<string> Columns, long Bytes);
