using GapMonitor.Drift.Statistics;

namespace GapMonitor.Drift;

/// <summary>Drift of one numeric column from raw values.</summary>
internal static class NumericColumnDrift
{
    /// <summary>Above this many distinct values shares come from Sturges bins instead of one bin per value.</summary>
    public const int MaxValueBins = 20;

    private const int MaxCategoryLikeDistinct = 5;

    public static ColumnOutcome Compare(
        string name, ReadOnlySpan<double> reference, ReadOnlySpan<double> current, DriftMethod? method, double? threshold)
    {
        var sortedReference = SortedFinite(reference);
        var sortedCurrent = SortedFinite(current);
        var missing = new MissingCounts(reference.Length - sortedReference.Length, current.Length - sortedCurrent.Length);
        if (sortedReference.Length == 0 || sortedCurrent.Length == 0)
        {
            return EmptySide.Skip(name, missing, sortedReference.Length, sortedCurrent.Length);
        }

        return FromSorted(name, sortedReference, sortedCurrent, missing, method, threshold);
    }

    /// <summary>Compares two ascending, finite, non-empty samples.</summary>
    public static ColumnDrift FromSorted(
        string name, double[] reference, double[] current, MissingCounts missing, DriftMethod? method, double? threshold)
    {
        var values = DistinctValues.Count(reference, current, MaxValueBins);
        var distinct = values.Exceeded ? MaxValueBins + 1 : values.Values.Count;
        var chosen = method ?? MethodChoice.Default(ColumnType.Numeric, reference.Length, distinct);
        if (method == DriftMethod.ChiSquare && values.Exceeded)
        {
            values = DistinctValues.Count(reference, current, int.MaxValue);
        }

        MethodChoice.Validate(name, ColumnType.Numeric, chosen, values.Exceeded ? distinct : values.Values.Count);

        var (ksStatistic, wasserstein) = EcdfWalk.Compute(reference, current);
        var std = Moments.PopulationStd(reference);
        double[] referenceShares, currentShares;
        if (values.Exceeded)
        {
            var edges = Histogram.SturgesEdges(
                Math.Min(reference[0], current[0]), Math.Max(reference[^1], current[^1]), reference.Length + current.Length);
            referenceShares = Divergence.Shares(Histogram.Counts(reference, edges), reference.Length);
            currentShares = Divergence.Shares(Histogram.Counts(current, edges), current.Length);
        }
        else
        {
            referenceShares = Divergence.Shares(values.ReferenceCounts(), reference.Length);
            currentShares = Divergence.Shares(values.CurrentCounts(), current.Length);
        }

        var statistics = new DriftStatistics
        {
            Ks = KolmogorovSmirnov.PValue(ksStatistic, reference.Length, current.Length),
            Wasserstein = wasserstein,
            WassersteinNormed = wasserstein / Math.Max(std, 0.001),
            Psi = Divergence.Psi(referenceShares, currentShares),
            JensenShannon = Divergence.JensenShannon(referenceShares, currentShares),
            ChiSquare = distinct <= MaxCategoryLikeDistinct || chosen == DriftMethod.ChiSquare
                ? ChiSquare.GoodnessOfFit(values.ReferenceCounts(), values.CurrentCounts())
                : null,
            ZTest = distinct <= 2
                ? ProportionsZTest.Test(reference.Length - values.Values[0].Reference, reference.Length, current.Length - values.Values[0].Current, current.Length)
                : null,
        };
        return ColumnVerdict.Create(name, ColumnType.Numeric, chosen, threshold, statistics, missing);
    }

    /// <summary>The finite values, ascending.</summary>
    public static double[] SortedFinite(ReadOnlySpan<double> values)
    {
        var finite = new double[values.Length];
        var count = 0;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                finite[count++] = v;
            }
        }

        Array.Resize(ref finite, count);
        DoubleSorter.Sort(finite);
        return finite;
    }
}
