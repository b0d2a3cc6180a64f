using GapMonitor.Drift.Profiles;

namespace GapMonitor.Drift.Distributions;

/// <summary>Reference-vs-current distributions of every column compared in a drift report, for charts.</summary>
public static class DistributionCalculator
{
    /// <summary>The default number of bars: histogram bins of a numeric column, categories shown before "other".</summary>
    public const int DefaultBars = 20;

    /// <summary>From the raw columns (the CLI), for the columns present on both sides.</summary>
    public static IReadOnlyList<ColumnDistribution> Compare(IReadOnlyList<ColumnData> reference, IReadOnlyList<ColumnData> current, int bars) =>
        throw new NotImplementedException("helper h11b");

    /// <summary>From profiles (a stored window against its reference), for the columns present on both sides.</summary>
    public static IReadOnlyList<ColumnDistribution> Compare(DatasetProfile reference, DatasetProfile current, int bars) =>
        throw new NotImplementedException("helper h11b");
}
