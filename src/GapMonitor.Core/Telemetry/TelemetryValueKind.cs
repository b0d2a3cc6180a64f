namespace GapMonitor.Core.Telemetry;

/// <summary>What one telemetry value holds, whether pushed as JSON or read from an inference log.</summary>
public enum TelemetryValueKind
{
    /// <summary>The row has no such feature.</summary>
    Missing,
    Null,
    Number,
    String,
    Boolean,

    /// <summary>An object or array (or a number no double holds): its raw JSON is profiled as text.</summary>
    Other,
}
