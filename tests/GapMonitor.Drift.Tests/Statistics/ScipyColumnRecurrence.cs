namespace GapMonitor.Drift.Tests.Statistics;

/// <summary>
/// The oracle for <see cref="GapMonitor.Drift.Statistics.KsLatticeWavefront"/>: a line-by-line port of scipy 1.10's
/// pythran <c>_compute_outer_prob_inside_method</c>, column by column, as the library computed it before issue 12.
/// </summary>
internal static class ScipyColumnRecurrence
{
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
