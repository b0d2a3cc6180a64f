using GapMonitor.Core.Alerts;
using GapMonitor.Core.Audit;
using GapMonitor.Core.Scorecards;
using GapMonitor.Core.Silences;
using GapMonitor.Core.Status;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;

namespace GapMonitor.Web.Pages.Systems;

/// <summary>Everything the system page shows, gathered and scoped by the host (contacts and deliveries already masked for the viewer).</summary>
/// <param name="Heartbeats">The newest heartbeats, newest first (bounded).</param>
/// <param name="DownPeriods">When monitoring went silent (from <c>monitoring-silent</c> alerts), open ones ending now.</param>
/// <param name="RecentAlerts">The newest alerts, newest first (bounded).</param>
/// <param name="Windows">The newest closed drift windows, newest first (bounded).</param>
/// <param name="Scorecard">Null when it could not be measured.</param>
public sealed record SystemPageModel(
    SystemStatus Status,
    IReadOnlyList<Heartbeat> Heartbeats,
    IReadOnlyList<DownPeriod> DownPeriods,
    IReadOnlyList<Alert> RecentAlerts,
    OwnershipView Ownership,
    IReadOnlyList<ContactRow> Contacts,
    IReadOnlyList<Silence> Silences,
    IReadOnlyList<DeliveryRow> Deliveries,
    IReadOnlyList<AuditEntry> Audit,
    IReadOnlyList<DriftWindowRecord> Windows,
    Scorecard? Scorecard,
    ListLimits Limits)
{
    public MonitoredSystem System => Status.System;

    public DateTimeOffset Now => Status.At;
}

