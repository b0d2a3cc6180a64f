namespace GapMonitor.Drift;

/// <summary>Turns statistics into a verdict with the chosen method and threshold.</summary>
internal static class ColumnVerdict
{
    public static ColumnDrift Create(
        string name, ColumnType type, DriftMethod method, double? threshold, DriftStatistics statistics, MissingCounts missing)
    {
        var limit = threshold ?? DriftMethods.DefaultThreshold(method);
        var score = MethodChoice.Score(method, statistics);
        return new ColumnDrift(name, type, method, score, limit, DriftMethods.IsDrifted(method, score, limit), statistics, missing);
    }
}
