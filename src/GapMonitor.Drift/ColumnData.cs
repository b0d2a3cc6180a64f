namespace GapMonitor.Drift;

/// <summary>One column of a dataset, as raw values.</summary>
public abstract record ColumnData(string Name)
{
    /// <summary>Rows in the column, missing ones included.</summary>
    public abstract long Rows { get; }
}
