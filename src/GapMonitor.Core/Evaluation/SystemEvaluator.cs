using GapMonitor.Core.Alerts;
using GapMonitor.Core.Delivery;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ownership;
using GapMonitor.Core.Performance;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Evaluation;

/// <summary>
/// The gap rules, as a pure function of a system, its active alerts and the time:
/// which alerts to open, escalate and resolve.
/// </summary>
public sealed class SystemEvaluator(AlertTransitions transitions, UnreachableContactRules? unreachableContacts = null)
{
    public SystemChangeSet Evaluate(MonitoredSystem system, IReadOnlyList<Alert> activeAlerts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(activeAlerts);
        var changes = new SystemChangeSet(system.Id);
        var active = activeAlerts.Where(a => a.IsActive).ToDictionary(a => a.Kind, StringComparer.Ordinal);

        if (system.IsRetired)
        {
            foreach (var alert in active.Values)
            {
                changes.Add(transitions.Resolve(system, alert, "The system was retired; monitoring stopped.", now));
            }

            return changes;
        }

        var state = HeartbeatRules.StateAt(system, now);
        Apply(changes, system, active, now, AlertKinds.MonitoringSilent,
            shouldBeOpen: state == HeartbeatState.Down,
            openSummary: () => SilentSummary(system),
            resolution: "A fresh heartbeat arrived; monitoring is reporting again.");

        Apply(changes, system, active, now, AlertKinds.MonitoringFailing,
            shouldBeOpen: system.Signals.LastHeartbeatStatus == HeartbeatStatus.Fail,
            openSummary: () => FailingSummary(system),
            resolution: "The latest heartbeat reports ok.");

        EvaluateTelemetry(changes, system, active, now);
        HandoverSweepRules.Apply(changes, system, active, now, transitions);
        unreachableContacts?.ApplyContactChanges(changes, system, active.GetValueOrDefault(AlertKinds.ContactUnreachable), now);

        foreach (var alert in active.Values.Where(a => !changes.UpdatedAlerts.Any(u => u.Id == a.Id)))
        {
            if (NextStep(system, alert, now) is { } followUp)
            {
                changes.Add(followUp);
            }
        }

        PruneEndedSilences(changes, system, now);
        return changes;
    }

    /// <summary>
    /// While a silence covers an alert nothing follows up on it (its clocks stand still); when the silence stops
    /// covering it, what was held back goes out. Otherwise the usual follow-up.
    /// </summary>
    private AlertTransition? NextStep(MonitoredSystem system, Alert alert, DateTimeOffset now)
    {
        if (system.IsSilenced(alert.Kind, now))
        {
            return alert.Silenced ? null : transitions.MarkSilenced(system, alert, now);
        }

        return alert.Silenced ? transitions.Unsilence(system, alert, now) : FollowUp(system, alert, now);
    }

    /// <summary>Silences that ended leave the system row (written with this change set, under its ETag) and the audit says so.</summary>
    private void PruneEndedSilences(SystemChangeSet changes, MonitoredSystem system, DateTimeOffset now)
    {
        var ended = system.Silences.Where(s => s.EndsAt <= now).ToList();
        if (ended.Count == 0)
        {
            return;
        }

        var current = changes.UpdatedSystem ?? system;
        changes.UpdateSystem(current with { Silences = [.. current.Silences.Where(s => s.EndsAt > now)] });
        foreach (var silence in ended)
        {
            changes.AddAudit(transitions.SilenceEnded(system, silence, now));
        }
    }

    /// <summary>At most one notification per alert per sweep: an expiry, else a due escalation, else a due reminder.</summary>
    private AlertTransition? FollowUp(MonitoredSystem system, Alert alert, DateTimeOffset now)
    {
        if (alert.State == AlertState.Acknowledged)
        {
            if (alert.LastNotifiedAt is not { } lastNotified)
            {
                return transitions.StartFollowUps(system, alert, now);
            }

            var acknowledgedSince = alert.AcknowledgedAt is { } at && at > lastNotified ? at : lastNotified;
            acknowledgedSince = alert.UnsilencedAt is { } unsilenced && unsilenced > acknowledgedSince ? unsilenced : acknowledgedSince;
            return now >= acknowledgedSince + system.Alerting.AcknowledgementExpiresAfter
                ? transitions.ExpireAcknowledgement(system, alert, now)
                : null;
        }

        if (alert.State != AlertState.Open)
        {
            return null;
        }

        if (!alert.IsEscalated && now >= alert.EscalationDueFrom + system.AcknowledgeWithin)
        {
            return transitions.Escalate(system, alert, now);
        }

        if (alert.LastNotifiedAt is null)
        {
            return transitions.StartFollowUps(system, alert, now);
        }

        return now >= alert.LastNotification + system.Alerting.RemindEvery ? transitions.Remind(system, alert, now) : null;
    }

    /// <summary>Drift, unannounced model versions and stale telemetry: only for systems with telemetry configured or pushed.</summary>
    private void EvaluateTelemetry(SystemChangeSet changes, MonitoredSystem system, Dictionary<string, Alert> active, DateTimeOffset now)
    {
        var signals = system.Signals;
        var telemetry = system.Telemetry;
        if (signals.Drift is { } drift)
        {
            var open = active.ContainsKey(AlertKinds.DriftDetected);
            var shouldBeOpen = drift.DatasetDrift || (open && drift.CleanStreak < (telemetry?.CleanWindowsToResolve ?? TelemetrySettings.DefaultCleanWindowsToResolve));
            Apply(changes, system, active, now, AlertKinds.DriftDetected, shouldBeOpen,
                new AlertFacts(Columns: drift.DriftedColumns),
                () => $"Dataset drift in {system.Name}: {drift.DriftedCount} drifted column(s) ({drift.DriftShare:P0}) in the window {HumanTime.Format(drift.WindowStart)} – {HumanTime.Format(drift.WindowEnd)}: {string.Join(", ", drift.DriftedColumns.Take(20))}.",
                $"{drift.CleanStreak} consecutive window(s) without dataset drift.");
        }

        var cleanToResolve = telemetry?.CleanWindowsToResolve ?? TelemetrySettings.DefaultCleanWindowsToResolve;
        EvaluatePerformance(changes, system, active, now, AlertKinds.PerformanceDegraded, signals.Performance?.Realized, "Realized", cleanToResolve);
        EvaluatePerformance(changes, system, active, now, AlertKinds.PerformanceAtRisk, signals.Performance?.Estimated, "Estimated", cleanToResolve);

        if (signals.LastSeenModelVersion is { } seen)
        {
            var announced = signals.LastDeployedModelVersion ?? system.Model?.Version;
            Apply(changes, system, active, now, AlertKinds.DeploymentUnannounced,
                shouldBeOpen: !string.Equals(seen, announced, StringComparison.Ordinal),
                () => $"Telemetry of {system.Name} reports model version {seen}, but the last announced deployment is {announced ?? "none"}.",
                $"A deployment event announced model version {seen}.");
        }

        if (telemetry is { HasSources: true })
        {
            var since = signals.LastTelemetryAt ?? (system.HandoverAt > system.RegisteredAt ? system.HandoverAt : system.RegisteredAt);
            Apply(changes, system, active, now, AlertKinds.TelemetryStale,
                shouldBeOpen: now - since > telemetry.StaleAfter,
                () => $"No telemetry from the configured sources of {system.Name} since {HumanTime.Format(since)} (longer than {System.Xml.XmlConvert.ToString(telemetry.StaleAfter)}).",
                "Telemetry is arriving again.");
        }
    }

    /// <summary>A window's metrics outside their thresholds open the kind; it resolves after clean windows, like drift.</summary>
    private void EvaluatePerformance(
        SystemChangeSet changes, MonitoredSystem system, Dictionary<string, Alert> active, DateTimeOffset now, string kind, PerformanceJudgment? judgment, string source, int cleanToResolve)
    {
        if (system.Performance is null)
        {
            if (active.GetValueOrDefault(kind) is { } orphan)
            {
                changes.Add(transitions.Resolve(system, orphan, "The model's performance is no longer watched: its performance settings were removed.", now));
            }

            return;
        }

        if (judgment is null)
        {
            return;
        }

        var shouldBeOpen = judgment.Breaches.Count > 0 || (active.ContainsKey(kind) && judgment.CleanStreak < cleanToResolve);
        Apply(changes, system, active, now, kind, shouldBeOpen,
            new AlertFacts(Metrics: judgment.Breaches),
            () => $"{source} performance of {system.Name} is outside its thresholds in the window {HumanTime.Format(judgment.WindowStart)} – {HumanTime.Format(judgment.WindowEnd)} ({judgment.Rows} rows): {string.Join("; ", judgment.Breaches.Select(PerformanceTexts.Describe))}.",
            $"{judgment.CleanStreak} consecutive window(s) with {source.ToLowerInvariant()} performance within its thresholds.");
    }

    private void Apply(
        SystemChangeSet changes,
        MonitoredSystem system,
        Dictionary<string, Alert> active,
        DateTimeOffset now,
        string kind,
        bool shouldBeOpen,
        Func<string> openSummary,
        string resolution) => Apply(changes, system, active, now, kind, shouldBeOpen, null, openSummary, resolution);

    private void Apply(
        SystemChangeSet changes,
        MonitoredSystem system,
        Dictionary<string, Alert> active,
        DateTimeOffset now,
        string kind,
        bool shouldBeOpen,
        AlertFacts? facts,
        Func<string> openSummary,
        string resolution)
    {
        var current = active.GetValueOrDefault(kind);
        if (shouldBeOpen && current is null)
        {
            changes.Add(transitions.Open(system, kind, openSummary(), now, facts: facts));
        }
        else if (!shouldBeOpen && current is not null)
        {
            changes.Add(transitions.Resolve(system, current, resolution, now));
        }
    }

    private static string SilentSummary(MonitoredSystem system)
    {
        var since = HeartbeatRules.SilenceStartedAt(system);
        return system.Signals.LastHeartbeatAt is null
            ? $"No monitoring heartbeat from {system.Name} since {(system.HandoverAt > system.RegisteredAt ? "handover" : "registration")} at {HumanTime.Format(since)}; expected one every {System.Xml.XmlConvert.ToString(system.Monitoring.HeartbeatPeriod)}."
            : $"Monitoring of {system.Name} went silent: last heartbeat at {HumanTime.Format(since)}, expected one every {System.Xml.XmlConvert.ToString(system.Monitoring.HeartbeatPeriod)}.";
    }

    private static string FailingSummary(MonitoredSystem system) =>
        string.IsNullOrWhiteSpace(system.Signals.LastHeartbeatMessage)
            ? $"Monitoring of {system.Name} reports failure."
            : $"Monitoring of {system.Name} reports failure: {system.Signals.LastHeartbeatMessage}";
}
