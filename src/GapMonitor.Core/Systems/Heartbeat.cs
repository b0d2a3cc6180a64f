namespace GapMonitor.Core.Systems;

public sealed record Heartbeat(string SystemId, HeartbeatStatus Status, DateTimeOffset At, DateTimeOffset ReceivedAt, string? Message);

public sealed record DeploymentEvent(string SystemId, string ModelVersion, DateTimeOffset At, DateTimeOffset ReceivedAt, string? Environment, string? By);
