using MathNet.Numerics;

namespace GapMonitor.Drift.Statistics;

/// <summary>
/// Two-sided Z-test for the difference of two proportions with a pooled variance (Evidently's z_stat_test, which
/// counts the values other than the first category as hits).
/// </summary>
internal static class ProportionsZTest
{
    /// <summary>
    /// <paramref name="referenceHits"/> of <paramref name="referenceTotal"/> against <paramref name="currentHits"/> of
    /// <paramref name="currentTotal"/>. When both samples hold one and the same value the p-value is 1. The p-value is
    /// 2·Φ(−|z|) computed with erfc, so it keeps its relative precision far in the tail.
    /// </summary>
    public static TestResult Test(long referenceHits, long referenceTotal, long currentHits, long currentTotal)
    {
        var p1 = (double)referenceHits / referenceTotal;
        var p2 = (double)currentHits / currentTotal;
        var pooled = ((p1 * referenceTotal) + (p2 * currentTotal)) / (referenceTotal + currentTotal);
        var variance = pooled * (1 - pooled) * ((1.0 / referenceTotal) + (1.0 / currentTotal));
        if (variance <= 0)
        {
            return new TestResult(0.0, 1.0);
        }

        var z = (p1 - p2) / Math.Sqrt(variance);
        var p = SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2));
        return new TestResult(z, Math.Clamp(p, 0.0, 1.0));
    }
}
