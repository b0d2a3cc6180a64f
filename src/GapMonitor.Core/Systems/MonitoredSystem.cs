using GapMonitor.Core.Silences;

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
    public AlertingSettings Alerting { get; init; } = AlertingSettings.Default;
    public IReadOnlyList<Contact> Contacts { get; init; } = [];
    public required DateTimeOffset RegisteredAt { get; init; }
    public DateTimeOffset? RetiredAt { get; init; }
    public SignalState Signals { get; init; } = new();

    /// <summary>SHA-256 of the system's ingest key (the key itself is shown once, at registration).</summary>
    public string? IngestKeyHash { get; init; }

    /// <summary>Telemetry sources and drift windowing; null when the system only sends heartbeats.</summary>
    public TelemetrySettings? Telemetry { get; init; }

    /// <summary>The model's task and output columns; null when its performance is not watched.</summary>
    public PerformanceSettings? Performance { get; init; }

    /// <summary>
    /// Changes with the system's configuration only (registration, update, retirement), never with its signals: the
    /// API's ETag. Null on systems stored before it existed, which read as <see cref="InitialConfigVersion"/>.
    /// </summary>
    public string? ConfigVersion { get; init; }

    public OwnershipSettings Ownership { get; init; } = OwnershipSettings.Default;

    /// <summary>How long before the vendor's grace period ends both parties are told (<c>handover.grace-ending</c>).</summary>
    public TimeSpan GraceEndingNotice { get; init; } = RegistrationDefaults.GraceEndingNotice;

    /// <summary>Notices sent and ownership confirmations; null on systems stored before ownership was tracked.</summary>
    public HandoverProgress? Handover { get; init; }

    /// <summary>Current and future silences (ended ones are pruned): the sweep needs no other read to honour them.</summary>
    public IReadOnlyList<SilenceWindow> Silences { get; init; } = [];

    /// <summary>Opaque concurrency token of the stored row (signals change it too); null before the first write.</summary>
    public string? ETag { get; init; }

    public const string InitialConfigVersion = "0";

    /// <summary>The ETag clients edit the system's configuration under: one per configuration version.</summary>
    public string ConfigETag => $"\"c-{ConfigVersion ?? InitialConfigVersion}\"";

    public bool IsRetired => RetiredAt is not null;

    /// <summary>The vendor owns operations until the grace period after handover ends, the customer after.</summary>
    public Party OperationsOwnerAt(DateTimeOffset now) =>
        now - HandoverAt < VendorGracePeriod ? Party.Vendor : Party.Customer;

    /// <summary>When the vendor's grace period ends and operations pass to the customer.</summary>
    public DateTimeOffset GraceEndsAt => HandoverAt + VendorGracePeriod;

    /// <summary>Whether a silence covers alerts of <paramref name="kind"/> at <paramref name="now"/>.</summary>
    public bool IsSilenced(string kind, DateTimeOffset now) => Silences.Any(s => s.Covers(kind, now));

    public IEnumerable<Contact> ContactsOf(Party party) => Contacts.Where(c => c.Party == party);

    /// <summary>The length of its drift windows: its own setting, else <see cref="TelemetrySettings.DefaultDriftWindow"/>.</summary>
    public TimeSpan DriftWindowLength() => Telemetry?.DriftWindow ?? TelemetrySettings.DefaultDriftWindow;
}
