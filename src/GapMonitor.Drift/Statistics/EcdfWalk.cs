namespace GapMonitor.Drift.Statistics;

/// <summary>
/// One pass over two sorted samples giving both the KS statistic and the Wasserstein distance, with the same
/// arithmetic as <see cref="KolmogorovSmirnov.Statistic"/> and <see cref="Wasserstein.Distance"/> (so the same
/// results), for half the memory traffic.
/// </summary>
internal static class EcdfWalk
{
    /// <summary>KS statistic and Wasserstein-1 distance of two ascending, finite, non-empty samples.</summary>
    public static (double KsStatistic, double Wasserstein) Compute(ReadOnlySpan<double> sorted1, ReadOnlySpan<double> sorted2)
    {
        int n1 = sorted1.Length, n2 = sorted2.Length;
        double maxDiff = double.NegativeInfinity, minDiff = double.PositiveInfinity;
        var previous = Math.Min(sorted1[0], sorted2[0]);
        double sum = 0, compensation = 0, diff = 0;
        int i = 0, j = 0;
        while (i < n1 || j < n2)
        {
            var v = j >= n2 || (i < n1 && sorted1[i] <= sorted2[j]) ? sorted1[i] : sorted2[j];
            if (v > previous)
            {
                // diff still holds F1 − F2 on [previous, v).
                var y = (Math.Abs(diff) * (v - previous)) - compensation;
                var t = sum + y;
                compensation = t - sum - y;
                sum = t;
                previous = v;
            }

            while (i < n1 && sorted1[i] <= v)
            {
                i++;
            }

            while (j < n2 && sorted2[j] <= v)
            {
                j++;
            }

            diff = ((double)i / n1) - ((double)j / n2);
            if (diff > maxDiff)
            {
                maxDiff = diff;
            }

            if (diff < minDiff)
            {
                minDiff = diff;
            }
        }

        var minS = Math.Clamp(-minDiff, 0.0, 1.0);
        return (minS > maxDiff ? minS : maxDiff, sum);
    }
}
