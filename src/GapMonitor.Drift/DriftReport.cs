namespace GapMonitor.Drift;

/// <summary>Drift of a current dataset against a reference dataset.</summary>
public sealed record DriftReport(
    long ReferenceRows,
    long CurrentRows,
    IReadOnlyList<ColumnDrift> Columns,
    IReadOnlyList<SkippedColumn> Skipped,
    int DriftedColumns,
    double DriftShare,
    bool DatasetDrift);
