namespace GapMonitor.Api.Contracts;

/// <summary>The registration body of API.md. Durations are ISO 8601 strings.</summary>
/// <param name="GraceEndingNotice">Both parties hear this long before the vendor's grace period ends (default P3D).</param>
/// <param name="Performance">The model's task and output columns, for concept drift; absent on update keeps the stored one.</param>
public sealed record SystemRequest(
    string? Id,
    string? Name,
    string? Vendor,
    string? Customer,
    ModelRequest? Model,
    DateTimeOffset? HandoverAt,
    string? VendorGracePeriod,
    MonitoringRequest? Monitoring,
    string? AcknowledgeWithin,
    IReadOnlyList<ContactRequest>? Contacts,
    TelemetryRequest? Telemetry = null,
    AlertingRequest? Alerting = null,
    OwnershipRequest? Ownership = null,
    string? GraceEndingNotice = null,
    PerformanceRequest? Performance = null);
