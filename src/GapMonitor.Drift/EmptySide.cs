namespace GapMonitor.Drift;

/// <summary>The skip reason for a column with no usable values on a side.</summary>
internal static class EmptySide
{
    public static SkippedColumn Skip(string name, MissingCounts missing, long referenceValues = 0, long currentValues = 0)
    {
        var reason = (referenceValues, currentValues) switch
        {
            (0, 0) => "all values are missing in both reference and current",
            (0, _) => "no non-missing values in the reference",
            _ => "no non-missing values in the current data",
        };
        return new SkippedColumn(name, reason, missing);
    }
}
