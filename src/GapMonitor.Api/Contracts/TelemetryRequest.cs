namespace GapMonitor.Api.Contracts;

/// <summary>Telemetry sources (API.md "Telemetry sources"); durations are ISO 8601 strings.</summary>
public sealed record TelemetryRequest(
    InferenceLogRequest? InferenceLog,
    LogAnalyticsRequest? LogAnalytics,
    string? DriftWindow,
    string? StaleAfter = null,
    int? CleanWindowsToResolve = null);
