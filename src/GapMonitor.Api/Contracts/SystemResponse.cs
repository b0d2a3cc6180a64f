namespace GapMonitor.Api.Contracts;

/// <summary>A system as the API shows it; webhook secrets are never returned.</summary>
public sealed record SystemResponse(
    string Id,
    string Name,
    string Vendor,
    string Customer,
    ModelRequest? Model,
    DateTimeOffset HandoverAt,
    string VendorGracePeriod,
    MonitoringRequest Monitoring,
    string AcknowledgeWithin,
    IReadOnlyList<ContactResponse> Contacts,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? RetiredAt,
    string OperationsOwner,
    string? IngestKey = null,
    TelemetryResponse? Telemetry = null,
    AlertingRequest? Alerting = null,
    OwnershipRequest? Ownership = null,
    string? GraceEndingNotice = null,
    PerformanceResponse? Performance = null);
