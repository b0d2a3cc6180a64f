namespace GapMonitor.Core.Drift;

/// <summary>One column of a dataset, as raw values.</summary>
public abstract record ColumnData(string Name)
{
    /// <summary>Rows in the column, missing ones included.</summary>
    public abstract long Rows { get; }
}

/// <summary>A numeric column; NaN and ±Inf are missing.</summary>
public sealed record NumericColumnData(string Name, double[] Values) : ColumnData(Name)
{
    /// <inheritdoc />
    public override long Rows => Values.Length;
}

/// <summary>A categorical column; null is missing.</summary>
public sealed record CategoricalColumnData(string Name, string?[] Values) : ColumnData(Name)
{
    /// <inheritdoc />
    public override long Rows => Values.Length;
}
