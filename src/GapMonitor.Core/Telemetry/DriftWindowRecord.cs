using GapMonitor.Core.Drift;

namespace GapMonitor.Core.Telemetry;

/// <summary>One closed drift window: its report against the reference, and the data-quality findings.</summary>
public sealed record DriftWindowRecord(
    string SystemId,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    string? ReferenceVersion,
    DriftReport? Report,
    IReadOnlyList<DataQualityFinding> Findings,
    IReadOnlyDictionary<string, long> ModelVersions,
    string? Note);

/// <summary>A data-quality finding of a window against the reference.</summary>
public sealed record DataQualityFinding(string Kind, string Column, string Detail, double? Value = null);
