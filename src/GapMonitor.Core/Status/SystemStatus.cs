using GapMonitor.Core.Alerts;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Status;

/// <summary>A system's state at <see cref="At"/>, with its scorecard.</summary>
/// <param name="ActiveAlerts">Open and acknowledged alerts, oldest first.</param>
/// <param name="Telemetry">Null when the system neither has telemetry settings nor ever received telemetry or a reference.</param>
public sealed record SystemStatus(
    MonitoredSystem System,
    DateTimeOffset At,
    HeartbeatState Heartbeat,
    IReadOnlyList<Alert> ActiveAlerts,
    IReadOnlyList<Gap> Gaps,
    IReadOnlyList<Practice> Practices,
    TelemetryStatus? Telemetry);
