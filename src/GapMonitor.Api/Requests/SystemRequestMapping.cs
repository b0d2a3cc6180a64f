using GapMonitor.Api.Contracts;
using GapMonitor.Core.Systems;
using GapMonitor.Drift.Performance;

namespace GapMonitor.Api.Requests;

/// <summary>
/// A stored system as the update body that would set it as it is, secrets included: what a merge patch applies to.
/// It never leaves the service. Every field of <see cref="SystemRequest"/> must appear here, or a patch resets it.
/// </summary>
internal static class SystemRequestMapping
{
    /// <param name="withTelemetry">Whether to include the telemetry sources; without them, an update keeps them as stored.</param>
    /// <param name="withPerformance">Whether to include the performance part; without it, an update keeps it as stored.</param>
    public static SystemRequest ToRequest(this MonitoredSystem s, bool withTelemetry, bool withPerformance = false) => new(
        s.Id,
        s.Name,
        s.Vendor,
        s.Customer,
        s.Model is null ? null : new ModelRequest(s.Model.Name, s.Model.Version),
        s.HandoverAt,
        Durations.Format(s.VendorGracePeriod),
        new MonitoringRequest(Durations.Format(s.Monitoring.HeartbeatPeriod), Durations.Format(s.Monitoring.HeartbeatGrace)),
        Durations.Format(s.AcknowledgeWithin),
        [.. s.Contacts.Select(ToRequest)],
        withTelemetry && s.Telemetry is { } t ? new TelemetryRequest(
            t.InferenceLog is { } log ? new InferenceLogRequest(log.ContainerUri.AbsoluteUri, log.Prefix) : null,
            t.LogAnalytics is { } la ? new LogAnalyticsRequest(la.WorkspaceId.ToString(), la.DeploymentsQuery, la.MonitoringRunsQuery) : null,
            Durations.Format(t.DriftWindow),
            Durations.Format(t.StaleAfter),
            t.CleanWindowsToResolve) : null,
        new AlertingRequest(Durations.Format(s.Alerting.RemindEvery), Durations.Format(s.Alerting.AcknowledgementExpiresAfter)),
        new OwnershipRequest(Durations.Format(s.Ownership.ConfirmWithin), Durations.Format(s.Ownership.ReconfirmEvery)),
        Durations.Format(s.GraceEndingNotice),
        withPerformance && s.Performance is { } p ? p.ToRequest() : null);

    public static PerformanceRequest ToRequest(this PerformanceSettings p) => new(
        PerformanceTasks.Name(p.Task),
        p.Prediction,
        p.Probability,
        p.ProbabilityPrefix,
        p.Target,
        p.CorrelationId,
        p.Metrics.Count > 0 ? [.. p.Metrics] : null,
        p.ChunkRows,
        p.Thresholds.Count > 0 ? p.Thresholds.ToDictionary(t => t.Metric, t => (PerformanceThresholdRequest?)new PerformanceThresholdRequest(t.Lower, t.Upper), StringComparer.Ordinal) : null,
        Durations.Format(p.LabelWait));

    public static ContactRequest ToRequest(this Contact c) => new(
        c.Party == Party.Vendor ? "vendor" : "customer",
        c.Email,
        c.Webhook is { } w ? new WebhookRequest(w.Url.AbsoluteUri, w.Secret) : null);
}
