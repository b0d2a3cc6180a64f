namespace GapMonitor.Drift;

/// <summary>The skip reason for a column with no usable values on a side.</summary>
internal static class EmptySide
{
    public static SkippedColumn Skip(string name, MissingCounts missing, long referenceValues = 0, long currentValues = 0)
    {
        var reason = (referenceValues, currentValues) switch
        {
            (0, 0) => SkipReason.AllMissing,
            (0, _) => SkipReason.NoReferenceValues,
            _ => SkipReason.NoCurrentValues,
        };
        return new SkippedColumn(name, reason, missing);
    }
}
