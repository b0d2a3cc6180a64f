using System.Globalization;
using GapMonitor.Drift.Profiles;
using GapMonitor.Drift.Statistics;

namespace GapMonitor.Drift.Distributions;

/// <summary>Histograms of both sides on shared equal-width edges over the combined range (numpy's semantics).</summary>
internal static class NumericDistribution
{
    public static ColumnDistribution FromValues(string name, double[] reference, double[] current, int bars)
    {
        if (reference.Length + current.Length == 0)
        {
            return new ColumnDistribution(name, ColumnType.Numeric, [], 0, 0);
        }

        DoubleSorter.Sort(reference);
        DoubleSorter.Sort(current);
        return FromSorted(name, reference, current, bars);
    }

    /// <summary>The same from ascending samples, which are only read.</summary>
    private static ColumnDistribution FromSorted(string name, double[] reference, double[] current, int bars)
    {
        var min = Math.Min(reference.Length > 0 ? reference[0] : double.PositiveInfinity, current.Length > 0 ? current[0] : double.PositiveInfinity);
        var max = Math.Max(reference.Length > 0 ? reference[^1] : double.NegativeInfinity, current.Length > 0 ? current[^1] : double.NegativeInfinity);
        var edges = Edges(min, max, bars);
        return Assemble(
            name,
            min,
            max,
            edges,
            Shares(Histogram.Counts(reference, edges), reference.Length),
            Shares(Histogram.Counts(current, edges), current.Length),
            reference.Length,
            current.Length);
    }

    public static ColumnDistribution FromProfiles(string name, ColumnProfile reference, ColumnProfile current, int bars)
    {
        if (Complete(reference) && Complete(current))
        {
            // The samples sorted once per profile (a reference's for every window it is compared with): the drift comparison sorts them too.
            return reference.NumericCount + current.NumericCount == 0
                ? new ColumnDistribution(name, ColumnType.Numeric, [], 0, 0)
                : FromSorted(name, reference.Sample.SortedValues(), current.Sample.SortedValues(), bars);
        }

        double min = Math.Min(reference.Min, current.Min), max = Math.Max(reference.Max, current.Max);
        var edges = Edges(min, max, bars);
        return Assemble(name, min, max, edges, SketchShares(reference, edges), SketchShares(current, edges), reference.NumericCount, current.NumericCount);
    }

    /// <summary><c>numpy.histogram_bin_edges(values, bins)</c>, except that a constant column gets one bin (v ± 0.5).</summary>
    internal static double[] Edges(double min, double max, int bars)
    {
        if (min == max)
        {
            return [min - 0.5, max + 0.5];
        }

        return Histogram.LinSpace(min, max, bars + 1);
    }

    private static bool Complete(ColumnProfile profile) =>
        profile.Sample.Seen == profile.NumericCount && profile.Sample.Seen <= profile.Sample.Capacity;

    private static double[] Shares(long[] counts, long total) =>
        counts.Select(c => total == 0 ? 0.0 : (double)c / total).ToArray();

    /// <summary>Bin shares from the sketch's ranks: half-open bins, the last one closed; they sum to 1.</summary>
    private static double[] SketchShares(ColumnProfile profile, double[] edges)
    {
        var shares = new double[edges.Length - 1];
        var sketch = profile.Quantiles;
        if (sketch.Count == 0)
        {
            return shares;
        }

        var total = sketch.Rank(double.PositiveInfinity);
        var below = sketch.Rank(edges[0], inclusive: false);
        for (var b = 0; b < shares.Length; b++)
        {
            var next = sketch.Rank(edges[b + 1], inclusive: b == shares.Length - 1);
            shares[b] = (next - below) / total;
            below = next;
        }

        return shares;
    }

    private static ColumnDistribution Assemble(
        string name, double min, double max, double[] edges, double[] reference, double[] current, long referenceCount, long currentCount)
    {
        if (edges.Any(e => !double.IsFinite(e)))
        {
            // Infinite values leave no range to draw: no bars rather than edges no chart or JSON can hold.
            return new ColumnDistribution(name, ColumnType.Numeric, [], referenceCount, currentCount);
        }

        var constant = min == max;
        var labels = Labels(edges);
        var bins = new DistributionBin[edges.Length - 1];
        for (var b = 0; b < bins.Length; b++)
        {
            var label = constant ? Format(edges[0] + 0.5, 15) : $"{labels[b]} to {labels[b + 1]}";
            bins[b] = new DistributionBin(label, edges[b], edges[b + 1], reference[b], current[b]);
        }

        return new ColumnDistribution(name, ColumnType.Numeric, bins, referenceCount, currentCount);
    }

    /// <summary>The edges as short text: the fewest significant digits (3 to 15) that keep neighbours apart.</summary>
    private static string[] Labels(double[] edges)
    {
        for (var digits = 3; digits < 15; digits++)
        {
            var labels = edges.Select(e => Format(e, digits)).ToArray();
            if (labels.Zip(labels.Skip(1)).All(p => p.First != p.Second))
            {
                return labels;
            }
        }

        return edges.Select(e => Format(e, 17)).ToArray();
    }

    private static string Format(double value, int digits) =>
        (value + 0.0).ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
