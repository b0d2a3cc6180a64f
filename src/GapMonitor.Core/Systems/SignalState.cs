namespace GapMonitor.Core.Systems;

/// <summary>The latest signals received for a system.</summary>
public sealed record SignalState
{
    private readonly ValueList<string> _unreachableContacts = ValueList<string>.Empty;

    public DateTimeOffset? LastHeartbeatAt { get; init; }
    public HeartbeatStatus? LastHeartbeatStatus { get; init; }
    public string? LastHeartbeatMessage { get; init; }
    public DateTimeOffset? LastOkHeartbeatAt { get; init; }
    public DateTimeOffset? LastDeploymentAt { get; init; }
    public string? LastDeployedModelVersion { get; init; }

    /// <summary>When telemetry (rows from a source or a push) last arrived.</summary>
    public DateTimeOffset? LastTelemetryAt { get; init; }

    /// <summary>The model version the latest telemetry reports (data collector <c>modelversion</c>).</summary>
    public string? LastSeenModelVersion { get; init; }

    /// <summary>The outcome of the latest closed drift window.</summary>
    public DriftSignal? Drift { get; init; }

    /// <summary>The latest realized and estimated performance verdicts; null until a window with model outputs closed.</summary>
    public PerformanceSignal? Performance { get; init; }

    /// <summary>Version of the reference dataset drift is measured against; null until one is uploaded.</summary>
    public string? ReferenceVersion { get; init; }

    /// <summary>
    /// Contact targets (email address or webhook URL) whose last delivery was given up; the active
    /// <c>contact-unreachable</c> alert names them, and it resolves when none is left (a delivery succeeded, or the contact was removed).
    /// </summary>
    public IReadOnlyList<string> UnreachableContacts { get => _unreachableContacts; init => _unreachableContacts = new(value); }
}
