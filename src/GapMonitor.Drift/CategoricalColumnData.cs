namespace GapMonitor.Drift;

/// <summary>A categorical column; null is missing.</summary>
public sealed record CategoricalColumnData(string Name, string?[] Values) : ColumnData(Name)
{
    /// <inheritdoc />
    public override long Rows => Values.Length;
}
