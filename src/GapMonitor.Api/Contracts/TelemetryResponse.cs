namespace GapMonitor.Api.Contracts;

public sealed record TelemetryResponse(
    InferenceLogResponse? InferenceLog,
    LogAnalyticsRequest? LogAnalytics,
    string DriftWindow,
    string StaleAfter,
    int CleanWindowsToResolve);
