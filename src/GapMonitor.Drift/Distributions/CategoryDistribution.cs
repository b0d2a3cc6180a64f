namespace GapMonitor.Drift.Distributions;

/// <summary>The most frequent categories of both sides and one "other" bar for the rest.</summary>
internal static class CategoryDistribution
{
    /// <param name="name">The column.</param>
    /// <param name="reference">Reference counts per category.</param>
    /// <param name="current">Current counts per category.</param>
    /// <param name="referenceOther">Reference values known to exist but not counted per category (a profile's remainder).</param>
    /// <param name="currentOther">Current values known to exist but not counted per category.</param>
    /// <param name="bars">At most this many bars: every category when they fit, else the first bars − 1 and "other".</param>
    public static ColumnDistribution FromCounts(
        string name, Dictionary<string, long> reference, Dictionary<string, long> current, long referenceOther, long currentOther, int bars)
    {
        var referenceTotal = reference.Values.Sum() + referenceOther;
        var currentTotal = current.Values.Sum() + currentOther;
        var ordered = reference.Keys.Union(current.Keys)
            .Select(k => (Name: k, Reference: reference.GetValueOrDefault(k), Current: current.GetValueOrDefault(k)))
            .OrderByDescending(c => c.Reference)
            .ThenByDescending(c => c.Current)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        var needOther = referenceOther > 0 || currentOther > 0 || ordered.Count > bars;
        var shown = needOther ? ordered.Take(bars - 1).ToList() : ordered;
        var bins = shown.Select(c => new DistributionBin(Label(c.Name), null, null, Share(c.Reference, referenceTotal), Share(c.Current, currentTotal))).ToList();
        if (needOther)
        {
            var rest = ordered.Skip(shown.Count).ToList();
            bins.Add(new DistributionBin(
                DistributionCalculator.OtherLabel,
                null,
                null,
                Share(rest.Sum(c => c.Reference) + referenceOther, referenceTotal),
                Share(rest.Sum(c => c.Current) + currentOther, currentTotal)));
        }

        return new ColumnDistribution(name, ColumnType.Categorical, bins, referenceTotal, currentTotal);
    }

    private static double Share(long count, long total) => total == 0 ? 0.0 : (double)count / total;

    private static string Label(string category) =>
        category.Length <= DistributionCalculator.MaxLabelLength ? category : string.Concat(category.AsSpan(0, DistributionCalculator.MaxLabelLength - 1), "…");
}
