namespace GapMonitor.Core.Performance;

/// <summary>A closed window's kept predictions as stored, with the ETag to replace them under.</summary>
public sealed record PendingPredictions(string SystemId, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, WindowPredictions Predictions, string ETag);
