namespace GapMonitor.Core.Telemetry;

/// <summary>What one change of the telemetry state brought in.</summary>
public sealed record TelemetryDelta(long Rows, string? ModelVersion, DateTimeOffset? LatestRecordAt)
{
    public static TelemetryDelta None { get; } = new(0, null, null);
}
