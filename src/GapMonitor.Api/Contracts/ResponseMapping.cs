using GapMonitor.Api.Requests;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Drift.Performance;

namespace GapMonitor.Api.Contracts;

internal static class ResponseMapping
{
    public static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static SystemResponse ToResponse(this MonitoredSystem s, DateTimeOffset now, Principal viewer, string? ingestKey = null) => new(
        s.Id,
        s.Name,
        s.Vendor,
        s.Customer,
        s.Model is null ? null : new ModelRequest(s.Model.Name, s.Model.Version),
        s.HandoverAt,
        Durations.Format(s.VendorGracePeriod),
        new MonitoringRequest(Durations.Format(s.Monitoring.HeartbeatPeriod), Durations.Format(s.Monitoring.HeartbeatGrace)),
        Durations.Format(s.AcknowledgeWithin),
        [.. s.Contacts.Select(c => new ContactResponse(Lower(c.Party), c.Email, c.Webhook is null ? null : Webhook(c.Webhook.Url, c.Party, viewer)))],
        s.RegisteredAt,
        s.RetiredAt,
        Lower(s.OperationsOwnerAt(now)),
        ingestKey,
        s.Telemetry is { } t ? new TelemetryResponse(
            t.InferenceLog is { } log ? new InferenceLogResponse(log.ContainerUri.GetLeftPart(UriPartial.Path), log.Prefix, !string.IsNullOrEmpty(log.ContainerUri.Query)) : null,
            t.LogAnalytics is { } la ? new LogAnalyticsRequest(la.WorkspaceId.ToString(), la.DeploymentsQuery, la.MonitoringRunsQuery) : null,
            Durations.Format(t.DriftWindow),
            Durations.Format(t.StaleAfter),
            t.CleanWindowsToResolve) : null,
        new AlertingRequest(Durations.Format(s.Alerting.RemindEvery), Durations.Format(s.Alerting.AcknowledgementExpiresAfter)),
        new OwnershipRequest(Durations.Format(s.Ownership.ConfirmWithin), Durations.Format(s.Ownership.ReconfirmEvery)),
        Durations.Format(s.GraceEndingNotice),
        s.Performance is { } p ? ToResponse(p) : null);

    public static PerformanceResponse ToResponse(this PerformanceSettings p) => new(
        PerformanceTasks.Name(p.Task),
        p.Prediction,
        p.Probability,
        p.ProbabilityPrefix,
        p.Target,
        p.CorrelationId,
        [.. p.AlertMetrics],
        p.ChunkRows,
        p.Thresholds.ToDictionary(t => t.Metric, t => new PerformanceThresholdRequest(t.Lower, t.Upper), StringComparer.Ordinal),
        Durations.Format(p.LabelWait));

    public static AlertResponse ToResponse(this Alert a) => new(
        a.Id,
        a.Kind,
        Lower(a.State),
        a.SystemId,
        a.Summary,
        a.OpenedAt,
        Lower(a.OwnerAtOpening),
        [.. a.NotifiedParties.Select(Lower)],
        a.EscalatedAt,
        a.AcknowledgedAt,
        a.AcknowledgedBy,
        a.AcknowledgementNote,
        a.ResolvedAt,
        a.Resolution,
        LastNotifiedAt: a.LastNotifiedAt,
        ReopenedAt: a.ReopenedAt,
        Silenced: a.Silenced)
    {
        Contact = a.Contacts.Count > 0 ? a.Contacts[0] : null,
        Contacts = a.Contacts.Count > 0 ? a.Contacts : null,
        Columns = a.Columns.Count > 0 ? a.Columns : null,
        Metrics = a.Metrics.Count > 0 ? a.Metrics : null,
    };

    public static AlertResponse ToResponse(this AlertWithHistory h, Principal viewer) => h.Alert.ToResponse() with
    {
        Notifications = [.. h.Notifications.Select(n => new NotificationResponse(
            n.Id,
            n.Type,
            Lower(n.Party),
            Lower(n.Channel),
            n.Channel == Core.Notifications.NotificationChannel.Webhook && !viewer.SeesContactsOf(n.Party) ? HostOf(n.Target) : n.Target,
            Lower(n.State),
            n.Attempts,
            n.CreatedAt,
            n.DeliveredAt,
            n.State == Core.Notifications.NotificationState.Pending ? n.NextAttemptAt : null,
            Shown(n.LastError, n.Target, n.Party, viewer),
            [.. h.Attempts.Where(a => a.NotificationId == n.Id).Select(a => new AttemptResponse(a.Attempt, a.At, a.Succeeded, Shown(a.Error, n.Target, n.Party, viewer), a.Duration.TotalMilliseconds))]))],
    };

    /// <summary>A delivery error as <paramref name="viewer"/> may read it: without URLs unless they may see the party's contacts.</summary>
    private static string? Shown(string? error, string target, Party party, Principal viewer) =>
        error is null || viewer.SeesContactsOf(party) ? error : DeliveryMapping.WithoutUrls(error, target);

    private static WebhookResponse Webhook(Uri url, Party party, Principal viewer) =>
        new(viewer.SeesContactsOf(party) ? url.AbsoluteUri : null, url.Host);

    private static string HostOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : "";
}
