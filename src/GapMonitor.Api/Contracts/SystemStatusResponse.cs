namespace GapMonitor.Api.Contracts;

public sealed record SystemStatusResponse(
    string SystemId,
    string Name,
    bool Retired,
    string OperationsOwner,
    DateTimeOffset HandoverAt,
    DateTimeOffset VendorGraceEndsAt,
    HeartbeatStatusResponse Heartbeat,
    DeploymentStatusResponse? LastDeployment,
    IReadOnlyList<GapResponse> Gaps,
    IReadOnlyList<AlertResponse> OpenAlerts,
    IReadOnlyList<PracticeResponse> Practices,
    TelemetryStatusResponse? Telemetry = null);
