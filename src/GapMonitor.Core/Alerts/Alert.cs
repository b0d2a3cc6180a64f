using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Alerts;

/// <summary>An alert of one kind on one system. At most one is open (or acknowledged) per system and kind.</summary>
public sealed record Alert
{
    public required string Id { get; init; }
    public required string SystemId { get; init; }
    public required string Kind { get; init; }
    public required AlertState State { get; init; }
    public required string Summary { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
    public required Party OwnerAtOpening { get; init; }
    public DateTimeOffset? EscalatedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public string? AcknowledgedBy { get; init; }
    public string? AcknowledgementNote { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public string? Resolution { get; init; }

    /// <summary>Parties that have been told about this alert; the resolution goes to all of them.</summary>
    public IReadOnlyList<Party> NotifiedParties { get; init; } = [];

    public string? ETag { get; init; }

    public bool IsActive => State is AlertState.Open or AlertState.Acknowledged;
}

public enum AlertState
{
    Open,
    Acknowledged,
    Resolved,
}

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

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        MonitoringSilent, MonitoringFailing, DriftDetected, OwnershipUnconfirmed,
        DeploymentUnannounced, TelemetryStale, ContactUnreachable,
    };
}
