using System.Buffers;
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
        // The sorted copies live only while the statistics are computed, so they are rented, not allocated.
        var referenceBuffer = ArrayPool<double>.Shared.Rent(reference.Length);
        var currentBuffer = ArrayPool<double>.Shared.Rent(current.Length);
        try
        {
            var sortedReference = referenceBuffer.AsSpan(0, DoubleSorter.SortFinite(reference, referenceBuffer));
            var sortedCurrent = currentBuffer.AsSpan(0, DoubleSorter.SortFinite(current, currentBuffer));
            var missing = new MissingCounts(reference.Length - sortedReference.Length, current.Length - sortedCurrent.Length);
            if (sortedReference.Length == 0 || sortedCurrent.Length == 0)
            {
                return EmptySide.Skip(name, missing, sortedReference.Length, sortedCurrent.Length);
            }

            return FromSorted(name, sortedReference, sortedCurrent, missing, method, threshold);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(referenceBuffer);
            ArrayPool<double>.Shared.Return(currentBuffer);
        }
    }

    /// <summary>Compares two ascending, finite, non-empty samples.</summary>
    public static ColumnDrift FromSorted(
        string name, ReadOnlySpan<double> reference, ReadOnlySpan<double> current, MissingCounts missing, DriftMethod? method, double? threshold)
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
}
