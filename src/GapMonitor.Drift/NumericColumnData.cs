namespace GapMonitor.Drift;

/// <summary>A numeric column; NaN and ±Infinity are missing.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Values">The values, one per row.</param>
public sealed record NumericColumnData(string Name, double[] Values) : ColumnData(Name)
{
    /// <inheritdoc />
    public override long Rows => Values.Length;
}
