using System.Xml;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Status;

/// <summary>A system's state read as a scorecard of the practices that handover puts at risk.</summary>
public static class ContinuityScorecard
{
    /// <summary>
    /// The practice an alert kind is a gap in. An unconfirmed owner is a gap in trust here, while the scorecard's
    /// ownership line (who owns operations and can be reached) stands under continuous use.
    /// </summary>
    public static string PracticeOf(string kind) => kind switch
    {
        AlertKinds.MonitoringSilent or AlertKinds.MonitoringFailing or AlertKinds.TelemetryStale => Practices.RunTimeMonitoring,
        AlertKinds.DeploymentUnannounced => Practices.ContinuousDeployment,
        AlertKinds.DriftDetected or AlertKinds.PerformanceDegraded or AlertKinds.PerformanceAtRisk => Practices.ContinuousEvolution,
        AlertKinds.OwnershipUnconfirmed or AlertKinds.ContactUnreachable => Practices.ContinuousTrust,
        _ => Practices.ContinuousUse,
    };

    public static IReadOnlyList<Gap> Gaps(IEnumerable<Alert> active) =>
        [.. active.Select(a => new Gap(a.Kind, PracticeOf(a.Kind), a.Summary, a.OpenedAt))];

    /// <summary>Run-time monitoring, continuous deployment, continuous trust and continuous use (ownership), in that order.</summary>
    public static IReadOnlyList<Practice> Read(MonitoredSystem s, IReadOnlyCollection<Alert> active, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Read(s, HeartbeatRules.StateAt(s, now), active, now);
    }

    /// <summary>The same, for a caller that already worked out the heartbeat state at <paramref name="now"/>.</summary>
    public static IReadOnlyList<Practice> Read(MonitoredSystem s, HeartbeatState heartbeat, IReadOnlyCollection<Alert> active, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(active);
        return [Monitoring(s, heartbeat), Deployment(s), Trust(s, active, now), Ownership(s, now)];
    }

    private static Practice Monitoring(MonitoredSystem s, HeartbeatState state) => state switch
    {
        HeartbeatState.Up when s.Signals.LastHeartbeatStatus == HeartbeatStatus.Fail =>
            new Practice(Practices.RunTimeMonitoring, "gap", $"Monitoring runs but reports failure: {s.Signals.LastHeartbeatMessage}"),
        HeartbeatState.Up => new Practice(Practices.RunTimeMonitoring, "ok", $"Last heartbeat {Time(s.Signals.LastHeartbeatAt)}."),
        HeartbeatState.Late => new Practice(Practices.RunTimeMonitoring, "at-risk", $"Heartbeat overdue since {Time(s.Signals.LastHeartbeatAt + s.Monitoring.HeartbeatPeriod)}."),
        HeartbeatState.Down => new Practice(Practices.RunTimeMonitoring, "gap", $"Silent since {HumanTime.Format(HeartbeatRules.SilenceStartedAt(s))}."),
        _ => new Practice(Practices.RunTimeMonitoring, "pending", $"Waiting for the first heartbeat (due by {HumanTime.Format(HeartbeatRules.DownAfter(s))})."),
    };

    private static Practice Deployment(MonitoredSystem s) => s.Signals.LastDeploymentAt is { } at
        ? new Practice(Practices.ContinuousDeployment, "ok", $"Model {s.Signals.LastDeployedModelVersion} deployed {HumanTime.Format(at)}.")
        : new Practice(Practices.ContinuousDeployment, "unknown", "No deployment event reported since registration.");

    private static Practice Trust(MonitoredSystem s, IReadOnlyCollection<Alert> active, DateTimeOffset now)
    {
        var overdue = active.Count(a => a.State == AlertState.Open && now >= a.EscalationClockStart + s.AcknowledgeWithin);
        return overdue > 0
            ? new Practice(Practices.ContinuousTrust, "gap", $"{overdue} alert(s) unacknowledged beyond {XmlConvert.ToString(s.AcknowledgeWithin)}.")
            : new Practice(Practices.ContinuousTrust, "ok", active.Count == 0 ? "No open alerts." : "Open alerts are within their acknowledgement window or acknowledged.");
    }

    private static Practice Ownership(MonitoredSystem s, DateTimeOffset now)
    {
        var owner = s.OperationsOwnerAt(now);
        var name = owner.ToString().ToLowerInvariant();
        return s.ContactsOf(owner).Any()
            ? new Practice(Practices.ContinuousUse, "ok", $"The {name} owns operations and has contacts on file.")
            : new Practice(Practices.ContinuousUse, "gap", $"The {name} owns operations but has no contact on file.");
    }

    private static string Time(DateTimeOffset? time) => time is { } at ? HumanTime.Format(at) : "never";
}
