using GapMonitor.Core.Alerts;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Ports;

/// <summary>A system with its active alerts: everything the rules need, read in one round trip.</summary>
public sealed record SystemWithAlerts(MonitoredSystem System, IReadOnlyList<Alert> ActiveAlerts);
