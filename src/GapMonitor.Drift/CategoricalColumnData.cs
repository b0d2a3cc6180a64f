namespace GapMonitor.Drift;

/// <summary>A categorical column: every non-null value is a category, the empty string and numeric text included; null is missing.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Values">The values, one per row.</param>
public sealed record CategoricalColumnData(string Name, string?[] Values) : ColumnData(Name)
{
    /// <inheritdoc />
    public override long Rows => Values.Length;
}
