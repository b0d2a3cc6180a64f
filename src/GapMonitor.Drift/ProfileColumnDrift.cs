using System.Globalization;
using GapMonitor.Drift.Profiles;
using GapMonitor.Drift.Statistics;

namespace GapMonitor.Drift;

/// <summary>
/// Drift of one column from profiles. When both samples still hold every value the result is exactly the raw
/// computation. Otherwise: KS runs on the two uniform samples; Wasserstein and the Sturges shares come from the
/// KLL sketches; the standard deviation, counts, ranges and (up to the exact-value capacity) the value counts
/// behind chi-square, the Z-test and one-bin-per-value shares are exact. Errors are documented in docs/drift.md.
/// </summary>
internal static class ProfileColumnDrift
{
    private const string OtherCategory = "\u0000other";

    public static ColumnOutcome Compare(string name, ColumnProfile reference, ColumnProfile current, DriftMethod? method, double? threshold)
    {
        var missing = new MissingCounts(reference.Missing, current.Missing);
        if (reference.Count == 0 || current.Count == 0)
        {
            return EmptySide.Skip(name, missing, reference.Count, current.Count);
        }

        if (!reference.IsNumeric || !current.IsNumeric)
        {
            var (r, c) = CategoryCounts(reference, current);
            return CategoricalColumnDrift.FromCounts(name, r, c, missing, method, threshold);
        }

        if (Complete(reference) && Complete(current))
        {
            return NumericColumnDrift.FromSorted(name, SortedSample(reference), SortedSample(current), missing, method, threshold);
        }

        return Approximate(name, reference, current, missing, method, threshold);
    }

    private static ColumnDrift Approximate(
        string name, ColumnProfile reference, ColumnProfile current, MissingCounts missing, DriftMethod? method, double? threshold)
    {
        var exactValues = !reference.Values.Overflowed && !current.Values.Overflowed;
        var keys = exactValues ? reference.Values.Counts.Keys.Union(current.Values.Counts.Keys).Order().ToArray() : [];
        var distinct = exactValues ? keys.Length : NumericColumnDrift.MaxValueBins + 1;
        var chosen = method ?? MethodChoice.Default(ColumnType.Numeric, reference.Count, distinct);
        MethodChoice.Validate(name, ColumnType.Numeric, chosen, distinct);
        if (chosen == DriftMethod.ChiSquare && !exactValues)
        {
            throw new DriftConfigurationException(
                $"Column '{name}': chisquare from profiles needs at most {reference.Settings.ExactValueCapacity} distinct values.");
        }

        var referenceValueCounts = keys.Select(k => reference.Values.Counts.GetValueOrDefault(k)).ToArray();
        var currentValueCounts = keys.Select(k => current.Values.Counts.GetValueOrDefault(k)).ToArray();
        var (ru, rw) = reference.Quantiles.WeightedValues();
        var (cu, cw) = current.Quantiles.WeightedValues();
        var wasserstein = Wasserstein.WeightedDistance(ru, rw, cu, cw);
        double[] referenceShares, currentShares;
        if (distinct > NumericColumnDrift.MaxValueBins)
        {
            var edges = Histogram.SturgesEdges(
                Math.Min(reference.Min, current.Min), Math.Max(reference.Max, current.Max), reference.Count + current.Count);
            referenceShares = Divergence.Shares(SketchCounts(reference.Quantiles, edges), reference.Count);
            currentShares = Divergence.Shares(SketchCounts(current.Quantiles, edges), current.Count);
        }
        else
        {
            referenceShares = Divergence.Shares(referenceValueCounts, reference.Count);
            currentShares = Divergence.Shares(currentValueCounts, current.Count);
        }

        var statistics = new DriftStatistics
        {
            Ks = KolmogorovSmirnov.TwoSample(SortedSample(reference), SortedSample(current)),
            Wasserstein = wasserstein,
            WassersteinNormed = wasserstein / Math.Max(Math.Sqrt(reference.Variance), 0.001),
            Psi = Divergence.Psi(referenceShares, currentShares),
            JensenShannon = Divergence.JensenShannon(referenceShares, currentShares),
            ChiSquare = distinct <= 5 || chosen == DriftMethod.ChiSquare ? ChiSquare.GoodnessOfFit(referenceValueCounts, currentValueCounts) : null,
            ZTest = distinct <= 2
                ? ProportionsZTest.Test(reference.Count - referenceValueCounts[0], reference.Count, current.Count - currentValueCounts[0], current.Count)
                : null,
        };
        return ColumnVerdict.Create(name, ColumnType.Numeric, chosen, threshold, statistics, missing);
    }

    private static bool Complete(ColumnProfile profile) => profile.Sample.Seen == profile.NumericCount && profile.Sample.Seen <= profile.Sample.Capacity;

    private static double[] SortedSample(ColumnProfile profile) => profile.Sample.SortedValues();

    /// <summary>numpy.histogram counts estimated from sketch ranks (half-open bins, the last one closed).</summary>
    private static long[] SketchCounts(KllSketch sketch, double[] edges)
    {
        var counts = new long[edges.Length - 1];
        var below = sketch.Rank(edges[0], inclusive: false);
        for (var b = 0; b < counts.Length; b++)
        {
            var next = sketch.Rank(edges[b + 1], inclusive: b == counts.Length - 1);
            counts[b] = (long)Math.Round(next - below);
            below = next;
        }

        return counts;
    }

    /// <summary>Category counts on both sides (numbers of a mixed column as text), with "other" for the remainder.</summary>
    private static (long[] Reference, long[] Current) CategoryCounts(ColumnProfile reference, ColumnProfile current)
    {
        var r = Categories(reference);
        var c = Categories(current);
        var keys = r.Keys.Union(c.Keys).Order(StringComparer.Ordinal).ToArray();
        return (keys.Select(k => r.GetValueOrDefault(k)).ToArray(), keys.Select(k => c.GetValueOrDefault(k)).ToArray());
    }

    private static Dictionary<string, long> Categories(ColumnProfile profile)
    {
        var counts = profile.Categories.Counts.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var (value, count) in profile.Values.Counts)
        {
            var key = value.ToString("R", CultureInfo.InvariantCulture);
            counts[key] = counts.GetValueOrDefault(key) + count;
        }

        var other = profile.Count - counts.Values.Sum();
        if (other > 0)
        {
            counts[OtherCategory] = other;
        }

        return counts;
    }
}
