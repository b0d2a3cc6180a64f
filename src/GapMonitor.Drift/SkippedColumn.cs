namespace GapMonitor.Drift;

/// <summary>A column that could not be compared, and why.</summary>
public sealed record SkippedColumn
{
    internal SkippedColumn(string name, SkipReason reason, MissingCounts? missing = null)
    {
        Name = name;
        Reason = reason;
        Missing = missing;
    }

    /// <summary>The column name.</summary>
    public string Name { get; init; }

    /// <summary>Why it was skipped.</summary>
    public SkipReason Reason { get; init; }

    /// <summary>The reason in words, as the JSON report writes it.</summary>
    public string Description => Reason switch
    {
        SkipReason.ReferenceOnly => "present in the reference only",
        SkipReason.CurrentOnly => "present in the current data only",
        SkipReason.AllMissing => "all values are missing in both reference and current",
        SkipReason.NoReferenceValues => "no non-missing values in the reference",
        _ => "no non-missing values in the current data",
    };

    /// <summary>Missing values on each side, when the column is on both sides.</summary>
    public MissingCounts? Missing { get; init; }
}
