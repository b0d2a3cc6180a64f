namespace GapMonitor.Core.Systems;

public sealed record Heartbeat(string SystemId, HeartbeatStatus Status, DateTimeOffset At, DateTimeOffset ReceivedAt, string? Message);

public sealed record DeploymentEvent(string SystemId, string ModelVersion, DateTimeOffset At, DateTimeOffset ReceivedAt, string? Environment, string? By);

/// <summary>A precomputed metric pushed by the client's monitoring (e.g. a drift score per feature).</summary>
public sealed record MetricPoint(string SystemId, string Name, double Value, DateTimeOffset At, string? Feature, string BatchId, int Index);
