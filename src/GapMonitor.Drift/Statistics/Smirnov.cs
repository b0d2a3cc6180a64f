namespace GapMonitor.Drift.Statistics;

/// <summary>
/// Survival function of the one-sided one-sample KS statistic D⁺_n (<c>scipy.special.smirnov</c>), with the
/// special cases of cephes' <c>kolmogorov.c</c>. The general case sums the Birnbaum–Tingey series, whose terms
/// are all positive, in log space: that keeps full relative precision down to the smallest doubles without
/// the double-double arithmetic scipy uses for its alternating upper sum.
/// </summary>
internal static class Smirnov
{
    private const double CephesMinLog = -7.451332191019412076235E2;
    private const int MaxComputeN = 1_000_000;

    public static double Sf(long n, double x)
    {
        if (double.IsNaN(x) || n <= 0 || x < 0 || x > 1)
        {
            return double.NaN;
        }

        if (n == 1)
        {
            return 1 - x;
        }

        if (x == 0.0)
        {
            return 1.0;
        }

        if (x == 1.0)
        {
            return 0.0;
        }

        var nxHi = n * x;
        var nxLo = Math.FusedMultiplyAdd(n, x, -nxHi);
        if (nxHi < 1 || (nxHi == 1 && nxLo <= 0))
        {
            // x ≤ 1/n: cdf = x (1 + x)^(n-1)
            var cdf = x * Math.Exp((n - 1) * Math.Log(1 + x));
            return Math.Clamp(1 - cdf, 0, 1);
        }

        if (-2 * n * x * x < CephesMinLog)
        {
            return 0.0;
        }

        if (nxHi >= n - 1)
        {
            return Math.Clamp(Math.Exp(n * Math.Log(1 - x)), 0, 1);
        }

        if (n > MaxComputeN)
        {
            var logp = -Math.Pow((6.0 * n * x) + 1, 2) / 18.0 / n;
            return logp < -Math.Log(2) ? Math.Exp(logp) : 1 - (-ExpM1(logp));
        }

        return Math.Clamp(x * Math.Exp(LogLowerSum(n, x, nxHi, nxLo)), 0, 1);
    }

    /// <summary>log Σ_{v=0}^{⌊n(1−x)⌋} C(n,v) (x + v/n)^(v−1) (1 − x − v/n)^(n−v).</summary>
    private static double LogLowerSum(long n, double x, double nxHi, double nxLo)
    {
        var logSum = double.NegativeInfinity;
        var logBinomial = 0.0;
        var logEpsilon = Math.Log(2.220446049250313e-16);
        var peaked = false;
        var previous = double.NegativeInfinity;
        for (long v = 0; v < n; v++)
        {
            // 1 − x − v/n = ((n − v) − n·x) / n, with n·x carried as hi + lo for precision near the end.
            var remainder = ((n - v) - nxHi - nxLo) / n;
            if (remainder <= 0)
            {
                break;
            }

            var logTerm = logBinomial + ((v - 1) * Math.Log(x + ((double)v / n))) + ((n - v) * Math.Log(remainder));
            logSum = LogAdd(logSum, logTerm);
            if (logTerm < previous)
            {
                peaked = true;
            }

            previous = logTerm;
            if (peaked && logTerm + Math.Log(4.0 * (n - v)) < logEpsilon + logSum)
            {
                break;
            }

            logBinomial += Math.Log((double)(n - v) / (v + 1));
        }

        return logSum;
    }

    private static double ExpM1(double x) => Math.Abs(x) < 1e-5 ? x + (x * x / 2) + (x * x * x / 6) : Math.Exp(x) - 1;

    private static double LogAdd(double a, double b)
    {
        if (double.IsNegativeInfinity(a))
        {
            return b;
        }

        return a >= b ? a + Math.Log(1 + Math.Exp(b - a)) : b + Math.Log(1 + Math.Exp(a - b));
    }
}
