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
    TelemetryRequest? Telemetry = null);

/// <summary>Telemetry sources (API.md "Telemetry sources"); durations are ISO 8601 strings.</summary>
public sealed record TelemetryRequest(
    InferenceLogRequest? InferenceLog,
    LogAnalyticsRequest? LogAnalytics,
    string? DriftWindow,
    string? StaleAfter = null,
    int? CleanWindowsToResolve = null);

public sealed record InferenceLogRequest(string? ContainerUri, string? Prefix);

public sealed record LogAnalyticsRequest(string? WorkspaceId, string? DeploymentsQuery, string? MonitoringRunsQuery);

/// <summary>The container URI is shown without its query: a SAS is a secret.</summary>
public sealed record InferenceLogResponse(string ContainerUri, string Prefix, bool HasSas);

public sealed record TelemetryResponse(
    InferenceLogResponse? InferenceLog,
    LogAnalyticsRequest? LogAnalytics,
    string DriftWindow,
    string StaleAfter,
    int CleanWindowsToResolve);

public sealed record ModelRequest(string? Name, string? Version);

public sealed record MonitoringRequest(string? HeartbeatPeriod, string? HeartbeatGrace);

public sealed record ContactRequest(string? Party, string? Email, WebhookRequest? Webhook);

public sealed record WebhookRequest(string? Url, string? Secret);

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
    TelemetryResponse? Telemetry = null);

public sealed record ContactResponse(string Party, string? Email, WebhookResponse? Webhook);

/// <summary>The URL is shown only to the party owning the contact and to admin (it often carries a token); others see the host.</summary>
public sealed record WebhookResponse(string? Url, string Host);

public sealed record SystemList(IReadOnlyList<SystemResponse> Items);
