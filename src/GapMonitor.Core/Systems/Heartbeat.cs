namespace GapMonitor.Core.Systems;

public sealed record Heartbeat(string SystemId, HeartbeatStatus Status, DateTimeOffset At, DateTimeOffset ReceivedAt, string? Message);
