namespace GapMonitor.Api.Contracts;

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
    IReadOnlyList<FindingResponse> LatestFindings,
    PerformanceStatusResponse? Performance = null);
