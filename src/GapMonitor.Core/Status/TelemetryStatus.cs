using GapMonitor.Core.Telemetry;

namespace GapMonitor.Core.Status;

/// <param name="State">The telemetry state document; null before the first push or pull.</param>
/// <param name="LatestWindow">The most recently closed drift window.</param>
public sealed record TelemetryStatus(TelemetryState? State, DriftWindowRecord? LatestWindow);
