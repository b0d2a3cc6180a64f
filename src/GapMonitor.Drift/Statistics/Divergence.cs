namespace GapMonitor.Drift.Statistics;

/// <summary>Population Stability Index and Jensen–Shannon distance on per-bin shares.</summary>
internal static class Divergence
{
    /// <summary>The share given to an empty bin, so that logarithms stay finite.</summary>
    public const double ZeroShare = 0.0001;

    /// <summary>count / total per bin, with empty bins set to <see cref="ZeroShare"/>.</summary>
    public static double[] Shares(ReadOnlySpan<long> counts, long total)
    {
        var shares = new double[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            var share = (double)counts[i] / total;
            shares[i] = share == 0 ? ZeroShare : share;
        }

        return shares;
    }

    /// <summary>Σ (ref − cur) · ln(ref / cur).</summary>
    public static double Psi(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        var psi = 0.0;
        for (var i = 0; i < reference.Length; i++)
        {
            psi += (reference[i] - current[i]) * Math.Log(reference[i] / current[i]);
        }

        return psi;
    }

    /// <summary><c>scipy.spatial.distance.jensenshannon(p, q)</c> with the natural logarithm.</summary>
    public static double JensenShannon(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double sumP = 0, sumQ = 0;
        for (var i = 0; i < p.Length; i++)
        {
            sumP += p[i];
            sumQ += q[i];
        }

        double left = 0, right = 0;
        for (var i = 0; i < p.Length; i++)
        {
            var pi = p[i] / sumP;
            var qi = q[i] / sumQ;
            var m = (pi + qi) / 2.0;
            left += RelativeEntropy(pi, m);
            right += RelativeEntropy(qi, m);
        }

        var js = left + right;
        return Math.Sqrt(js / 2.0);
    }

    private static double RelativeEntropy(double x, double y)
    {
        if (x > 0 && y > 0)
        {
            return x * Math.Log(x / y);
        }

        return x == 0 && y >= 0 ? 0 : double.PositiveInfinity;
    }
}
