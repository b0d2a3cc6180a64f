using GapMonitor.Core.Alerts;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Scorecards;

/// <summary>What the stored history of one system holds for a period, as far as the scorecard reads it.</summary>
/// <param name="OpenedInPeriod">Alerts opened in [from, end), as they stand now.</param>
/// <param name="AlertsCapped">More alerts opened in the period than <see cref="ScorecardHistoryReader.AlertCap"/>.</param>
/// <param name="MonitoringAlerts">Every monitoring-silent and monitoring-failing alert that may overlap the period.</param>
/// <param name="Windows">The period's stored drift windows; null when the system has no telemetry.</param>
/// <param name="Deployments">Deployment events up to the end of the period, newest first.</param>
/// <param name="Deliveries">Notifications created in [from, end).</param>
public sealed record ScorecardHistory(
    IReadOnlyList<Alert> OpenedInPeriod,
    bool AlertsCapped,
    IReadOnlyList<Alert> MonitoringAlerts,
    WindowTally? Windows,
    IReadOnlyList<DeploymentEvent> Deployments,
    bool DeploymentsCapped,
    IReadOnlyList<Notification> Deliveries,
    bool DeliveriesCapped);
