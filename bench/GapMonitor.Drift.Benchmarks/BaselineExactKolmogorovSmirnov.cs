namespace GapMonitor.Drift.Benchmarks;

/// <summary>
/// BENCHMARK-ONLY copy of the exact two-sided KS p-value as it was at b493d38 (scipy's column-by-column lattice
/// recurrence and the square path), so BenchmarkDotNet measures "before" and "after" side by side in one run.
/// Not used by the library.
/// </summary>
internal static class BaselineExactKolmogorovSmirnov
{
    /// <summary>
    /// b493d38's <c>KolmogorovSmirnov.PValue</c> for max(n1, n2) ≤ 10,000 (the exact branch; the asymptotic
    /// fallback for a failed exact computation is not needed by the benchmark cases).
    /// </summary>
    public static TestResult PValue(double d, int n1, int n2)
    {
        long g = Gcd(n1, n2);
        var lcm = n1 / g * n2;
        var h = (long)Math.Round(d * lcm, MidpointRounding.ToEven);
        d = h * 1.0 / lcm;
        if (h == 0)
        {
            return new TestResult(d, 1.0);
        }

        var prob = n1 == n2 ? ProbOutsideSquare(n1, h) : OuterProbInside(n1, n2, g, h);
        return prob is >= 0 and <= 1
            ? new TestResult(d, prob)
            : throw new InvalidOperationException($"The exact p-value failed for {n1} x {n2}, D = {d}: not a benchmark case.");
    }

    private static double ProbOutsideSquare(long n, long h)
    {
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

    private static double OuterProbInside(long m, long n, long g, long h)
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

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
