namespace GapMonitor.Core.Systems;

/// <summary>A handed-over ML system and the signal state its rules need (kept together so evaluating it costs one read).</summary>
public sealed record MonitoredSystem
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Vendor { get; init; }
    public required string Customer { get; init; }
    public ModelInfo? Model { get; init; }
    public required DateTimeOffset HandoverAt { get; init; }
    public required TimeSpan VendorGracePeriod { get; init; }
    public required MonitoringSettings Monitoring { get; init; }
    public required TimeSpan AcknowledgeWithin { get; init; }
    public IReadOnlyList<Contact> Contacts { get; init; } = [];
    public required DateTimeOffset RegisteredAt { get; init; }
    public DateTimeOffset? RetiredAt { get; init; }
    public SignalState Signals { get; init; } = new();

    /// <summary>SHA-256 of the system's ingest key (the key itself is shown once, at registration).</summary>
    public string? IngestKeyHash { get; init; }

    /// <summary>Telemetry sources and drift windowing; null when the system only sends heartbeats.</summary>
    public TelemetrySettings? Telemetry { get; init; }

    /// <summary>Opaque concurrency token of the stored row; null before the first write.</summary>
    public string? ETag { get; init; }

    public bool IsRetired => RetiredAt is not null;

    /// <summary>The vendor owns operations until the grace period after handover ends, the customer after.</summary>
    public Party OperationsOwnerAt(DateTimeOffset now) =>
        now - HandoverAt < VendorGracePeriod ? Party.Vendor : Party.Customer;

    public IEnumerable<Contact> ContactsOf(Party party) => Contacts.Where(c => c.Party == party);

    /// <summary>The length of its drift windows: its own setting, else <see cref="TelemetrySettings.DefaultDriftWindow"/>.</summary>
    public TimeSpan DriftWindowLength() => Telemetry?.DriftWindow ?? TelemetrySettings.DefaultDriftWindow;
}

public sealed record ModelInfo(string Name, string? Version);

public sealed record MonitoringSettings(TimeSpan HeartbeatPeriod, TimeSpan HeartbeatGrace);

/// <summary>The latest signals received for a system.</summary>
public sealed record SignalState
{
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

    /// <summary>Version of the reference dataset drift is measured against; null until one is uploaded.</summary>
    public string? ReferenceVersion { get; init; }
}

/// <param name="DriftedColumns">The first drifted column names (the system row keeps a bounded number; the window keeps all).</param>
/// <param name="CleanStreak">Consecutive closed windows without dataset drift.</param>
/// <param name="DriftedColumnCount">How many columns drifted in all (0 in rows stored before it was kept: then the names count).</param>
public sealed record DriftSignal(
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    bool DatasetDrift,
    IReadOnlyList<string> DriftedColumns,
    double DriftShare,
    int CleanStreak,
    int DriftedColumnCount = 0)
{
    public int DriftedCount => Math.Max(DriftedColumnCount, DriftedColumns.Count);
}

public enum Party
{
    Vendor,
    Customer,
}

public enum HeartbeatStatus
{
    Ok,
    Fail,
}
