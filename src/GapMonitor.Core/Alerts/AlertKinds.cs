namespace GapMonitor.Core.Alerts;

/// <summary>The stable alert kind strings of the public API.</summary>
public static class AlertKinds
{
    public const string MonitoringSilent = "monitoring-silent";
    public const string MonitoringFailing = "monitoring-failing";
    public const string DriftDetected = "drift-detected";
    public const string OwnershipUnconfirmed = "ownership-unconfirmed";
    public const string DeploymentUnannounced = "deployment-unannounced";
    public const string TelemetryStale = "telemetry-stale";
    public const string ContactUnreachable = "contact-unreachable";
    public const string PerformanceDegraded = "performance-degraded";
    public const string PerformanceAtRisk = "performance-at-risk";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        MonitoringSilent, MonitoringFailing, DriftDetected, OwnershipUnconfirmed,
        DeploymentUnannounced, TelemetryStale, ContactUnreachable, PerformanceDegraded, PerformanceAtRisk,
    };

    /// <summary>Kinds that go to both parties at once when they open: nobody is left to escalate to.</summary>
    public static readonly IReadOnlySet<string> ToBothParties = new HashSet<string>(StringComparer.Ordinal) { OwnershipUnconfirmed, ContactUnreachable };
}
