using Azure;
using Azure.Data.Tables;
using GapMonitor.Core.Silences;
using GapMonitor.Core.Systems;

namespace GapMonitor.Infrastructure.Storage.Entities;

/// <summary><c>systems</c> table, RowKey <c>system</c>: registration and latest signals.</summary>
internal sealed class SystemEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = RowKeys.System;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public string Vendor { get; set; } = "";
    public string Customer { get; set; } = "";
    public string? ModelJson { get; set; }
    public DateTimeOffset HandoverAt { get; set; }
    public string VendorGracePeriod { get; set; } = "";
    public string HeartbeatPeriod { get; set; } = "";
    public string HeartbeatGrace { get; set; } = "";
    public string AcknowledgeWithin { get; set; } = "";

    /// <summary>Empty on rows written before reminders existed: those read as the defaults.</summary>
    public string? RemindEvery { get; set; }

    public string? AcknowledgementExpiresAfter { get; set; }
    public string ContactsJson { get; set; } = "[]";
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }
    public DateTimeOffset? LastHeartbeatAt { get; set; }
    public string? LastHeartbeatStatus { get; set; }
    public string? LastHeartbeatMessage { get; set; }
    public DateTimeOffset? LastOkHeartbeatAt { get; set; }
    public DateTimeOffset? LastDeploymentAt { get; set; }
    public string? LastDeployedModelVersion { get; set; }
    public string? IngestKeyHash { get; set; }
    public string? TelemetryJson { get; set; }
    public DateTimeOffset? LastTelemetryAt { get; set; }
    public string? LastSeenModelVersion { get; set; }
    public string? DriftJson { get; set; }

    /// <summary>JSON of the realized and estimated performance verdicts; null until a window with model outputs closed.</summary>
    public string? PerformanceSignalJson { get; set; }

    /// <summary>JSON of the <c>performance</c> settings; null when the model's performance is not watched.</summary>
    public string? PerformanceJson { get; set; }
    public string? ReferenceVersion { get; set; }

    /// <summary>Empty on rows written before configuration versions existed.</summary>
    public string? ConfigVersion { get; set; }

    /// <summary>Empty on rows written before ownership confirmation existed: those read as the defaults.</summary>
    public string? ConfirmWithin { get; set; }

    public string? ReconfirmEvery { get; set; }
    public string? GraceEndingNotice { get; set; }

    /// <summary>Handover notices sent and the latest confirmations; empty on rows stored before ownership was tracked.</summary>
    public string? HandoverJson { get; set; }

    /// <summary>Current and future silences (id, kinds, start, end); empty on rows written before silences existed.</summary>
    public string? SilencesJson { get; set; }

    /// <summary>JSON array of the contact targets whose delivery was given up; empty when all can be reached.</summary>
    public string? UnreachableContactsJson { get; set; }

    public static SystemEntity From(MonitoredSystem s) => new()
    {
        PartitionKey = s.Id,
        ETag = s.ETag is null ? default : new ETag(s.ETag),
        Name = s.Name,
        Vendor = s.Vendor,
        Customer = s.Customer,
        ModelJson = s.Model is null ? null : StorageJson.Serialize(s.Model),
        HandoverAt = s.HandoverAt,
        VendorGracePeriod = StorageJson.Duration(s.VendorGracePeriod),
        HeartbeatPeriod = StorageJson.Duration(s.Monitoring.HeartbeatPeriod),
        HeartbeatGrace = StorageJson.Duration(s.Monitoring.HeartbeatGrace),
        AcknowledgeWithin = StorageJson.Duration(s.AcknowledgeWithin),
        RemindEvery = StorageJson.Duration(s.Alerting.RemindEvery),
        AcknowledgementExpiresAfter = StorageJson.Duration(s.Alerting.AcknowledgementExpiresAfter),
        ContactsJson = StorageJson.Serialize(s.Contacts),
        RegisteredAt = s.RegisteredAt,
        RetiredAt = s.RetiredAt,
        LastHeartbeatAt = s.Signals.LastHeartbeatAt,
        LastHeartbeatStatus = s.Signals.LastHeartbeatStatus?.ToString(),
        LastHeartbeatMessage = s.Signals.LastHeartbeatMessage,
        LastOkHeartbeatAt = s.Signals.LastOkHeartbeatAt,
        LastDeploymentAt = s.Signals.LastDeploymentAt,
        LastDeployedModelVersion = s.Signals.LastDeployedModelVersion,
        LastTelemetryAt = s.Signals.LastTelemetryAt,
        LastSeenModelVersion = s.Signals.LastSeenModelVersion,
        DriftJson = s.Signals.Drift is null ? null : StorageJson.Serialize(s.Signals.Drift),
        PerformanceSignalJson = s.Signals.Performance is null ? null : StorageJson.Serialize(s.Signals.Performance),
        PerformanceJson = s.Performance is null ? null : StorageJson.Serialize(s.Performance),
        ReferenceVersion = s.Signals.ReferenceVersion,
        IngestKeyHash = s.IngestKeyHash,
        TelemetryJson = s.Telemetry is null ? null : StorageJson.Serialize(s.Telemetry),
        ConfigVersion = s.ConfigVersion,
        ConfirmWithin = StorageJson.Duration(s.Ownership.ConfirmWithin),
        ReconfirmEvery = StorageJson.Duration(s.Ownership.ReconfirmEvery),
        GraceEndingNotice = StorageJson.Duration(s.GraceEndingNotice),
        HandoverJson = HandoverProgressJson.Serialize(s.Handover),
        SilencesJson = s.Silences.Count == 0 ? null : StorageJson.Serialize(s.Silences),
        UnreachableContactsJson = s.Signals.UnreachableContacts.Count == 0 ? null : StorageJson.Serialize(s.Signals.UnreachableContacts),
    };

    public MonitoredSystem ToDomain() => new()
    {
        Id = PartitionKey,
        Name = Name,
        Vendor = Vendor,
        Customer = Customer,
        Model = StorageJson.Deserialize<ModelInfo?>(ModelJson, null),
        HandoverAt = HandoverAt,
        VendorGracePeriod = StorageJson.Duration(VendorGracePeriod),
        Monitoring = new MonitoringSettings(StorageJson.Duration(HeartbeatPeriod), StorageJson.Duration(HeartbeatGrace)),
        AcknowledgeWithin = StorageJson.Duration(AcknowledgeWithin),
        Alerting = new AlertingSettings(
            string.IsNullOrEmpty(RemindEvery) ? AlertingSettings.Default.RemindEvery : StorageJson.Duration(RemindEvery),
            string.IsNullOrEmpty(AcknowledgementExpiresAfter) ? AlertingSettings.Default.AcknowledgementExpiresAfter : StorageJson.Duration(AcknowledgementExpiresAfter)),
        Contacts = StorageJson.Deserialize<List<Contact>>(ContactsJson, []),
        RegisteredAt = RegisteredAt,
        RetiredAt = RetiredAt,
        Signals = new SignalState
        {
            LastHeartbeatAt = LastHeartbeatAt,
            LastHeartbeatStatus = Enum.TryParse<HeartbeatStatus>(LastHeartbeatStatus, out var status) ? status : null,
            LastHeartbeatMessage = LastHeartbeatMessage,
            LastOkHeartbeatAt = LastOkHeartbeatAt,
            LastDeploymentAt = LastDeploymentAt,
            LastDeployedModelVersion = LastDeployedModelVersion,
            LastTelemetryAt = LastTelemetryAt,
            LastSeenModelVersion = LastSeenModelVersion,
            Drift = StorageJson.Deserialize<DriftSignal?>(DriftJson, null),
            Performance = StorageJson.Deserialize<PerformanceSignal?>(PerformanceSignalJson, null),
            ReferenceVersion = ReferenceVersion,
            UnreachableContacts = StorageJson.Deserialize<List<string>>(UnreachableContactsJson, []),
        },
        IngestKeyHash = IngestKeyHash,
        Telemetry = StorageJson.Deserialize<TelemetrySettings?>(TelemetryJson, null),
        Performance = StorageJson.Deserialize<PerformanceSettings?>(PerformanceJson, null),
        ConfigVersion = string.IsNullOrEmpty(ConfigVersion) ? null : ConfigVersion,
        Ownership = new OwnershipSettings(
            string.IsNullOrEmpty(ConfirmWithin) ? OwnershipSettings.Default.ConfirmWithin : StorageJson.Duration(ConfirmWithin),
            string.IsNullOrEmpty(ReconfirmEvery) ? OwnershipSettings.Default.ReconfirmEvery : StorageJson.Duration(ReconfirmEvery)),
        GraceEndingNotice = string.IsNullOrEmpty(GraceEndingNotice) ? RegistrationDefaults.GraceEndingNotice : StorageJson.Duration(GraceEndingNotice),
        Handover = StorageJson.Deserialize<HandoverProgress?>(HandoverJson, null),
        Silences = string.IsNullOrEmpty(SilencesJson) ? Array.Empty<SilenceWindow>() : StorageJson.Deserialize<List<SilenceWindow>>(SilencesJson, []),
        ETag = ETag.ToString(),
    };
}
