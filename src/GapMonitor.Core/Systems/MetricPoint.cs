namespace GapMonitor.Core.Systems;

/// <summary>A precomputed metric pushed by the client's monitoring (e.g. a drift score per feature).</summary>
public sealed record MetricPoint(string SystemId, string Name, double Value, DateTimeOffset At, string? Feature, string BatchId, int Index);
