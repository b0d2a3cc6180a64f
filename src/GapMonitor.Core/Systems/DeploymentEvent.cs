namespace GapMonitor.Core.Systems;

public sealed record DeploymentEvent(string SystemId, string ModelVersion, DateTimeOffset At, DateTimeOffset ReceivedAt, string? Environment, string? By);
