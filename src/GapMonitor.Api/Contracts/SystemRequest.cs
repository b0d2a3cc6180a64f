namespace GapMonitor.Api.Contracts;

/// <summary>The registration body of API.md. Durations are ISO 8601 strings.</summary>
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
    AlertingRequest? Alerting = null);
