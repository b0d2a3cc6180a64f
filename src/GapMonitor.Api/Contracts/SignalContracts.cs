namespace GapMonitor.Api.Contracts;

public sealed record HeartbeatRequest(string? Status, string? Message, DateTimeOffset? At);

public sealed record DeploymentRequest(string? ModelVersion, DateTimeOffset? At, string? Environment, string? By);

public sealed record Accepted(string SystemId, DateTimeOffset ReceivedAt);

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

/// <summary>What the pull and the drift windows saw; malformed data-collector lines are counted here, never fatal.</summary>
public sealed record TelemetryStatusResponse(
    DateTimeOffset? LastTelemetryAt,
    string? LastSeenModelVersion,
    string? ReferenceVersion,
    DriftSignalResponse? LatestWindow,
    DateTimeOffset? OpenWindowStart,
    long OpenWindowRows,
    long RecordsRead,
    long MalformedLines,
    DateTimeOffset? LastPullAt,
    string? LastPullError,
    IReadOnlyList<FindingResponse> LatestFindings);

public sealed record DriftSignalResponse(DateTimeOffset WindowStart, DateTimeOffset WindowEnd, bool DatasetDrift, IReadOnlyList<string> DriftedColumns, double DriftShare, int CleanStreak, int DriftedColumnCount);

public sealed record HeartbeatStatusResponse(string State, DateTimeOffset? LastAt, string? LastStatus, string? LastMessage, DateTimeOffset? LastOkAt, DateTimeOffset SilentAfter);

public sealed record DeploymentStatusResponse(DateTimeOffset At, string? ModelVersion);

public sealed record GapResponse(string Kind, string Practice, string Summary, DateTimeOffset Since);

/// <summary>One continuous-software-engineering practice and whether the evidence says it is kept up after handover.</summary>
public sealed record PracticeResponse(string Practice, string Status, string Evidence);

public sealed record AuditResponse(string Id, DateTimeOffset At, string Actor, string Action, string? AlertId, string? Detail);

public sealed record AuditList(IReadOnlyList<AuditResponse> Items);
