using GapMonitor.Core.Performance;
using GapMonitor.Drift.Distributions;

namespace GapMonitor.Core.Telemetry;

/// <summary>One closed drift window: its report against the reference (the CLI's JSON shape), the data-quality findings, and
/// each compared column's reference-vs-current distribution for charts. <see cref="Distributions"/> is only read back by
/// <see cref="Ports.IDriftWindowStore.GetAsync"/> (one window): listed windows have none.</summary>
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
    WindowPerformance? Performance = null,
    IReadOnlyList<ColumnDistribution>? Distributions = null);
