using GapMonitor.Drift.Statistics;

namespace GapMonitor.Drift;

/// <summary>Drift of one categorical column from category counts.</summary>
internal static class CategoricalColumnDrift
{
    public static ColumnOutcome Compare(
        string name, ReadOnlySpan<string?> reference, ReadOnlySpan<string?> current, DriftMethod? method, double? threshold)
    {
        var counts = new SortedDictionary<string, (long Reference, long Current)>(StringComparer.Ordinal);
        long referenceMissing = 0, currentMissing = 0;
        foreach (var value in reference)
        {
            if (value is null)
            {
                referenceMissing++;
                continue;
            }

            counts[value] = counts.TryGetValue(value, out var c) ? (c.Reference + 1, c.Current) : (1, 0);
        }

        foreach (var value in current)
        {
            if (value is null)
            {
                currentMissing++;
                continue;
            }

            counts[value] = counts.TryGetValue(value, out var c) ? (c.Reference, c.Current + 1) : (0, 1);
        }

        var missing = new MissingCounts(referenceMissing, currentMissing);
        return FromCounts(
            name,
            counts.Values.Select(c => c.Reference).ToArray(),
            counts.Values.Select(c => c.Current).ToArray(),
            missing,
            method,
            threshold);
    }

    /// <summary>Compares per-category counts (same category order on both sides).</summary>
    public static ColumnOutcome FromCounts(
        string name, long[] referenceCounts, long[] currentCounts, MissingCounts missing, DriftMethod? method, double? threshold)
    {
        long referenceTotal = referenceCounts.Sum(), currentTotal = currentCounts.Sum();
        if (referenceTotal == 0 || currentTotal == 0)
        {
            return EmptySide.Skip(name, missing, referenceTotal, currentTotal);
        }

        var distinct = referenceCounts.Length;
        var chosen = method ?? MethodChoice.Default(ColumnType.Categorical, referenceTotal, distinct);
        MethodChoice.Validate(name, ColumnType.Categorical, chosen, distinct);
        var referenceShares = Divergence.Shares(referenceCounts, referenceTotal);
        var currentShares = Divergence.Shares(currentCounts, currentTotal);
        var statistics = new DriftStatistics
        {
            ChiSquare = ChiSquare.GoodnessOfFit(referenceCounts, currentCounts),
            ZTest = distinct <= 2 ? ProportionsZTest.Test(referenceTotal - referenceCounts[0], referenceTotal, currentTotal - currentCounts[0], currentTotal) : null,
            Psi = Divergence.Psi(referenceShares, currentShares),
            JensenShannon = Divergence.JensenShannon(referenceShares, currentShares),
        };
        return ColumnVerdict.Create(name, ColumnType.Categorical, chosen, threshold, statistics, missing);
    }
}
