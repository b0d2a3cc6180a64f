namespace GapMonitor.Drift.Statistics;

/// <summary>
/// Two-sample, two-sided Kolmogorov–Smirnov test, equal to <c>scipy.stats.ks_2samp(method='auto')</c> of
/// scipy 1.10: exact when max(n1, n2) ≤ 10,000, otherwise <c>kstwo.sf(D, round(n1·n2 / (n1 + n2)))</c>.
/// </summary>
internal static class KolmogorovSmirnov
{
    /// <summary>Largest sample size for which scipy's 'auto' mode attempts the exact distribution.</summary>
    public const int MaxExactSize = 10_000;

    /// <summary>Runs the test on two ascending, non-empty samples without NaN.</summary>
    public static TestResult TwoSample(ReadOnlySpan<double> sorted1, ReadOnlySpan<double> sorted2)
    {
        if (sorted1.IsEmpty || sorted2.IsEmpty)
        {
            throw new ArgumentException("Both samples must be non-empty.");
        }

        var d = Statistic(sorted1, sorted2);
        return PValue(d, sorted1.Length, sorted2.Length);
    }

    /// <summary>
    /// The largest distance between the two empirical CDFs, evaluated at every observation exactly as scipy
    /// does (<c>searchsorted(..., side='right') / n</c>, so ties are handled the same way).
    /// </summary>
    public static double Statistic(ReadOnlySpan<double> sorted1, ReadOnlySpan<double> sorted2)
    {
        int n1 = sorted1.Length, n2 = sorted2.Length;
        double maxDiff = double.NegativeInfinity, minDiff = double.PositiveInfinity;
        int i = 0, j = 0;
        while (i < n1 || j < n2)
        {
            var v = j >= n2 || (i < n1 && sorted1[i] <= sorted2[j]) ? sorted1[i] : sorted2[j];
            while (i < n1 && sorted1[i] <= v)
            {
                i++;
            }

            while (j < n2 && sorted2[j] <= v)
            {
                j++;
            }

            var diff = ((double)i / n1) - ((double)j / n2);
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
        return minS > maxDiff ? minS : maxDiff;
    }

    /// <summary>The two-sided p-value (and the statistic scipy reports with it) for statistic <paramref name="d"/>.</summary>
    public static TestResult PValue(double d, int n1, int n2)
    {
        if (Math.Max(n1, n2) <= MaxExactSize)
        {
            var (success, rounded, p) = AttemptExact(n1, n2, d);
            if (success)
            {
                return new TestResult(rounded, Math.Clamp(p, 0.0, 1.0));
            }

            d = rounded;
        }

        double m = Math.Max(n1, n2), n = Math.Min(n1, n2);
        var en = m * n / (m + n);
        var prob = KolmogorovDistribution.TwoSidedSf(d, Math.Round(en, MidpointRounding.ToEven));
        return new TestResult(d, Math.Clamp(prob, 0.0, 1.0));
    }

    private static (bool Success, double D, double P) AttemptExact(int n1, int n2, double d)
    {
        long g = Gcd(n1, n2);
        var lcm = n1 / g * n2;
        var h = (long)Math.Round(d * lcm, MidpointRounding.ToEven);
        d = h * 1.0 / lcm;
        if (h == 0)
        {
            return (true, d, 1.0);
        }

        var prob = n1 == n2
            ? KsExactDistribution.ProbOutsideSquare(n1, h)
            : KsLatticeWavefront.OuterProbInside(n1, n2, g, h);
        return prob is >= 0 and <= 1 ? (true, d, prob) : (false, d, prob);
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
