namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

/// <summary>How much of one <c>modelversion</c> a read saw, and when (record times; null when no record had a time).</summary>
public sealed record InferenceModelVersionStats(long Records, long Rows, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen);
