namespace GapMonitor.Drift;

/// <summary>Whether a column was compared as numbers or as categories.</summary>
public enum ColumnType
{
    /// <summary>Every non-missing value is a number.</summary>
    Numeric,

    /// <summary>Values are compared as categories.</summary>
    Categorical,
}
