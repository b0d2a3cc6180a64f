using System.Text.Json;

namespace GapMonitor.Api.Contracts;

public sealed record ReferenceResponse(string SystemId, string Version, long Rows, IReadOnlyList<string> Columns, long Bytes);

public sealed record TelemetryAccepted(string SystemId, string BatchId, long Rows, bool Duplicate, DateTimeOffset WindowStart);

/// <param name="Report">The drift report of the window, in the same shape as <c>gapmonitor drift --format json</c>.</param>
public sealed record DriftWindowResponse(
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    long Rows,
    string? ReferenceVersion,
    bool DatasetDrift,
    IReadOnlyList<string> DriftedColumns,
    double DriftShare,
    JsonElement? Report,
    IReadOnlyList<FindingResponse> Findings,
    IReadOnlyDictionary<string, long> ModelVersions,
    string? Note);

public sealed record FindingResponse(string Kind, string Column, string Detail, double? Value);

public sealed record DriftWindowList(IReadOnlyList<DriftWindowResponse> Items);

public sealed record MetricRequest(string? Name, double? Value, DateTimeOffset? At, string? Feature);

public sealed record MetricsRequest(string? BatchId, IReadOnlyList<MetricRequest>? Metrics);

public sealed record MetricsAccepted(string SystemId, string BatchId, int Metrics);

public sealed record MetricResponse(string Name, double Value, DateTimeOffset At, string? Feature);

public sealed record MetricList(IReadOnlyList<MetricResponse> Items);
