namespace GapMonitor.Drift;

/// <summary>A numeric column; NaN and ±Inf are missing.</summary>
public sealed record NumericColumnData(string Name, double[] Values) : ColumnData(Name)
{
    /// <inheritdoc />
    public override long Rows => Values.Length;
}
