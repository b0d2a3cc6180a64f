namespace GapMonitor.Drift.Statistics;

/// <summary>
/// Exact null distribution of the two-sided two-sample KS statistic for equal sample sizes, ported from scipy 1.10
/// (<c>_compute_prob_outside_square</c> in <c>_stats_py.py</c>, Hodges 1958): O(n) per p-value. Unequal sizes
/// use <see cref="KsLatticeWavefront"/>.
/// </summary>
internal static class KsExactDistribution
{
    /// <summary>Pr(D_{n,n} ≥ h/n) for equal sample sizes.</summary>
    public static double ProbOutsideSquare(long n, long h)
    {
        // P = 2 * A0 * (1 - A1*(1 - A2*(1 - A3*(...)))) avoids the cancellation of the alternating binomial sum.
        var p = 0.0;
        var k = (long)Math.Floor((double)n / h);
        while (k >= 0)
        {
            var p1 = 1.0;
            for (long j = 0; j < h; j++)
            {
                p1 = (n - (k * h) - j) * p1 / (n + (k * h) + j + 1);
            }

            p = p1 * (1.0 - p);
            k--;
        }

        return 2 * p;
    }
}
