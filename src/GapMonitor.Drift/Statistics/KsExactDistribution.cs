namespace GapMonitor.Drift.Statistics;

/// <summary>
/// Exact null distribution of the two-sided two-sample KS statistic, ported from scipy 1.10
/// (<c>_compute_prob_outside_square</c> in <c>_stats_py.py</c> and the pythran
/// <c>_compute_outer_prob_inside_method</c> in <c>_stats_pythran.py</c>, Hodges 1958 / Viehmann 2021).
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

    /// <summary>Proportion of lattice paths from (0,0) to (m,n) that leave |x/m − y/n| &lt; h/lcm(m,n).</summary>
    public static double OuterProbInside(long m, long n, long g, long h)
    {
        if (m < n)
        {
            (m, n) = (n, m);
        }

        var mg = m / g;
        var ng = n / g;
        long minj = 0;
        var maxj = Math.Min((long)Math.Ceiling((double)h / mg), n + 1);
        var curlen = maxj - minj;
        var lenA = Math.Min((2 * maxj) + 2, n + 1);
        var a = new double[lenA];
        Array.Fill(a, 1.0);
        for (var x = minj; x < maxj; x++)
        {
            a[x] = 0.0;
        }

        for (long i = 1; i <= m; i++)
        {
            var lastminj = minj;
            var lastlen = curlen;
            minj = Math.Max((long)Math.Floor((double)((ng * i) - h) / mg) + 1, 0);
            minj = Math.Min(minj, n);
            maxj = Math.Min((long)Math.Ceiling((double)((ng * i) + h) / mg), n + 1);
            if (maxj <= minj)
            {
                return 1.0;
            }

            var val = minj == 0 ? 0.0 : 1.0;
            for (long jj = 0; jj < maxj - minj; jj++)
            {
                var j = jj + minj;
                val = ((a[jj + minj - lastminj] * i) + (val * j)) / (i + j);
                a[jj] = val;
            }

            curlen = maxj - minj;
            if (lastlen > curlen)
            {
                var from = maxj - minj;
                var to = Math.Min(maxj - minj + (lastlen - curlen), lenA);
                for (var x = from; x < to; x++)
                {
                    a[x] = 1;
                }
            }
        }

        return a[maxj - minj - 1];
    }
}
