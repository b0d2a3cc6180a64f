using System.Globalization;

namespace GapMonitor.Infrastructure.Storage;

/// <summary>Row keys of the <c>systems</c> and <c>history</c> tables (see README.md beside this file).</summary>
internal static class RowKeys
{
    public const string System = "system";
    public const string ActivePrefix = "active-";
    public const string ActiveEnd = "active.";
    public const string AlertPrefix = "alert-";
    public const string AlertEnd = "alert.";
    public const string NotificationPrefix = "notification-";
    public const string NotificationEnd = "notification.";
    public const string AttemptPrefix = "attempt-";
    public const string AttemptEnd = "attempt.";
    public const string AuditPrefix = "audit-";
    public const string AuditEnd = "audit.";
    public const string HeartbeatPrefix = "heartbeat-";
    public const string HeartbeatEnd = "heartbeat.";
    public const string DeploymentPrefix = "deployment-";
    public const string DeploymentEnd = "deployment.";

    public const string SilencePrefix = "silence-";
    public const string SilenceEnd = "silence.";
    public const string LinkPrefix = "link-";

    public const string MetricPrefix = "metric-";
    public const string MetricEnd = "metric.";

    public static string Metric(DateTimeOffset at, string batchId, int index) =>
        $"{MetricPrefix}{InvertedTicks.Of(at)}-{batchId}-{index.ToString("D6", CultureInfo.InvariantCulture)}";

    public static string Active(string kind) => ActivePrefix + kind;

    /// <summary>A used action link's marker; the token id is base64url, so it is a valid key.</summary>
    public static string Link(string tokenId) => LinkPrefix + tokenId;

    public static string Alert(string alertId) => AlertPrefix + alertId;

    public static string Silence(string silenceId) => SilencePrefix + silenceId;

    public static string Notification(string notificationId) => NotificationPrefix + notificationId;

    public static string Attempt(string notificationId, int attempt) =>
        $"{AttemptPrefix}{notificationId}-{attempt.ToString("D4", CultureInfo.InvariantCulture)}";

    /// <summary>The notification id in an <c>attempt-{notificationId}-{n}</c> key.</summary>
    public static string NotificationOfAttempt(string attemptRowKey) =>
        attemptRowKey[AttemptPrefix.Length..attemptRowKey.LastIndexOf('-')];

    public static string Audit(DateTimeOffset at, string id) => AuditPrefix + InvertedTicks.Of(at) + "-" + id;

    public static string Heartbeat(DateTimeOffset at, string id) => HeartbeatPrefix + InvertedTicks.Of(at) + "-" + id;

    public static string Deployment(DateTimeOffset at, string id) => DeploymentPrefix + InvertedTicks.Of(at) + "-" + id;
}
