namespace GapMonitor.Drift;

/// <summary>Drift of a current dataset against a reference dataset, as computed by <see cref="DriftCalculator"/>.</summary>
public sealed record DriftReport
{
    internal DriftReport(
        long referenceRows, long currentRows, IReadOnlyList<ColumnDrift> columns, IReadOnlyList<SkippedColumn> skipped, int driftedColumns, double driftShare, bool datasetDrift)
    {
        ReferenceRows = referenceRows;
        CurrentRows = currentRows;
        Columns = columns;
        Skipped = skipped;
        DriftedColumns = driftedColumns;
        DriftShare = driftShare;
        DatasetDrift = datasetDrift;
    }

    /// <summary>Rows in the reference data (the longest column, missing values included).</summary>
    public long ReferenceRows { get; init; }

    /// <summary>Rows in the current data (the longest column, missing values included).</summary>
    public long CurrentRows { get; init; }

    /// <summary>The compared columns, in the reference's column order.</summary>
    public IReadOnlyList<ColumnDrift> Columns { get; init; }

    /// <summary>Columns that could not be compared, with the reason; they do not count in <see cref="DriftShare"/>.</summary>
    public IReadOnlyList<SkippedColumn> Skipped { get; init; }

    /// <summary>How many of <see cref="Columns"/> drifted.</summary>
    public int DriftedColumns { get; init; }

    /// <summary><see cref="DriftedColumns"/> / number of compared columns; 0 when none was compared.</summary>
    public double DriftShare { get; init; }

    /// <summary>True when at least one column was compared and <see cref="DriftShare"/> ≥ <see cref="DriftOptions.DatasetDriftShare"/>.</summary>
    public bool DatasetDrift { get; init; }
}
