namespace GapMonitor.Core.Ports;

public sealed record SweepQueueDepths(long Pending, long Poison);
