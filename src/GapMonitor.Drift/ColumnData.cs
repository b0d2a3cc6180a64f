namespace GapMonitor.Drift;

/// <summary>One column of a dataset, as raw values: a <see cref="NumericColumnData"/> or a <see cref="CategoricalColumnData"/>.</summary>
public abstract record ColumnData
{
    private protected ColumnData(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    /// <summary>The column name; columns are matched by it, case-sensitively.</summary>
    public string Name { get; init; }

    /// <summary>Rows in the column, missing ones included.</summary>
    public abstract long Rows { get; }
}
