namespace GapMonitor.Core.Systems;

public sealed record MonitoringSettings(TimeSpan HeartbeatPeriod, TimeSpan HeartbeatGrace);
