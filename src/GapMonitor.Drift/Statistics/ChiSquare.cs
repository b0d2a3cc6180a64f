using MathNet.Numerics;

namespace GapMonitor.Drift.Statistics;

/// <summary>
/// Pearson's chi-square goodness of fit of current counts against reference counts scaled to the current
/// total, as <c>scipy.stats.chisquare(observed, expected)</c>.
/// </summary>
internal static class ChiSquare
{
    /// <summary>
    /// A category absent from the reference has expected count 0: the statistic is +∞ and the p-value 0, as in
    /// scipy. With a single category there are no degrees of freedom; scipy returns NaN there, this returns
    /// statistic 0 and p-value 1 (both sides hold only that value).
    /// </summary>
    public static TestResult GoodnessOfFit(ReadOnlySpan<long> referenceCounts, ReadOnlySpan<long> currentCounts)
    {
        long referenceTotal = 0, currentTotal = 0;
        for (var i = 0; i < referenceCounts.Length; i++)
        {
            referenceTotal += referenceCounts[i];
            currentTotal += currentCounts[i];
        }

        var scale = (double)currentTotal / referenceTotal;
        var statistic = 0.0;
        for (var i = 0; i < referenceCounts.Length; i++)
        {
            var expected = referenceCounts[i] * scale;
            var diff = currentCounts[i] - expected;
            statistic += diff * diff / expected;
        }

        var degreesOfFreedom = referenceCounts.Length - 1;
        if (degreesOfFreedom < 1)
        {
            return new TestResult(0.0, 1.0);
        }

        return new TestResult(statistic, Survival(statistic, degreesOfFreedom));
    }

    /// <summary><c>scipy.stats.chi2.sf(x, df)</c> = Q(df/2, x/2).</summary>
    public static double Survival(double x, int degreesOfFreedom)
    {
        if (double.IsPositiveInfinity(x))
        {
            return 0.0;
        }

        if (x <= 0)
        {
            return 1.0;
        }

        return Math.Clamp(SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, x / 2.0), 0.0, 1.0);
    }
}
