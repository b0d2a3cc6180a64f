using GapMonitor.Core.Performance;

namespace GapMonitor.Core.Telemetry;

/// <summary>One closed drift window: its report against the reference (the CLI's JSON shape) and the data-quality findings.</summary>
public sealed record DriftWindowRecord(
    string SystemId,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    long Rows,
    string? ReferenceVersion,
    bool DatasetDrift,
    IReadOnlyList<string> DriftedColumns,
    double DriftShare,
    string? ReportJson,
    IReadOnlyList<DataQualityFinding> Findings,
    IReadOnlyDictionary<string, long> ModelVersions,
    string? Note,
    WindowPerformance? Performance = null);
