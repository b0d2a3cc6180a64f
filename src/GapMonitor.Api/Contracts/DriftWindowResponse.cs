using System.Text.Json;
using System.Text.Json.Serialization;

namespace GapMonitor.Api.Contracts;

/// <param name="Report">The drift report of the window, in the same shape as <c>gapmonitor drift --format json</c>.</param>
/// <param name="Performance">The window's model performance; null when the system declares no <c>performance</c>.</param>
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
    string? Note,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] WindowPerformanceResponse? Performance = null);
