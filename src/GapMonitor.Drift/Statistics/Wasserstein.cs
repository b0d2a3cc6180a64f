namespace GapMonitor.Drift.Statistics;

/// <summary>First Wasserstein distance between two samples (<c>scipy.stats.wasserstein_distance</c>).</summary>
internal static class Wasserstein
{
    /// <summary>∫|F_u − F_v| over the merged sorted values; both inputs ascending, non-empty, finite.</summary>
    public static double Distance(ReadOnlySpan<double> sortedU, ReadOnlySpan<double> sortedV)
    {
        if (sortedU.IsEmpty || sortedV.IsEmpty)
        {
            throw new ArgumentException("Both samples must be non-empty.");
        }

        int nu = sortedU.Length, nv = sortedV.Length;
        int i = 0, j = 0;
        var previous = Math.Min(sortedU[0], sortedV[0]);
        var sum = 0.0;
        var compensation = 0.0;
        while (i < nu || j < nv)
        {
            var value = j >= nv || (i < nu && sortedU[i] <= sortedV[j]) ? sortedU[i] : sortedV[j];
            if (value > previous)
            {
                // The CDFs are constant on [previous, value): scipy's searchsorted(all[:-1], 'right') / n.
                var term = Math.Abs(((double)i / nu) - ((double)j / nv)) * (value - previous);
                var y = term - compensation;
                var t = sum + y;
                compensation = t - sum - y;
                sum = t;
                previous = value;
            }

            while (i < nu && sortedU[i] <= value)
            {
                i++;
            }

            while (j < nv && sortedV[j] <= value)
            {
                j++;
            }
        }

        return sum;
    }

    /// <summary>
    /// ∫|F_u − F_v| for weighted samples (each value standing for <c>weight</c> observations), as from quantile
    /// sketches; values ascending, weights positive.
    /// </summary>
    public static double WeightedDistance(
        ReadOnlySpan<double> u, ReadOnlySpan<long> uWeights, ReadOnlySpan<double> v, ReadOnlySpan<long> vWeights)
    {
        double uTotal = 0, vTotal = 0;
        foreach (var w in uWeights)
        {
            uTotal += w;
        }

        foreach (var w in vWeights)
        {
            vTotal += w;
        }

        int i = 0, j = 0;
        double uBelow = 0, vBelow = 0, sum = 0;
        var previous = Math.Min(u[0], v[0]);
        while (i < u.Length || j < v.Length)
        {
            var value = j >= v.Length || (i < u.Length && u[i] <= v[j]) ? u[i] : v[j];
            if (value > previous)
            {
                sum += Math.Abs((uBelow / uTotal) - (vBelow / vTotal)) * (value - previous);
                previous = value;
            }

            while (i < u.Length && u[i] <= value)
            {
                uBelow += uWeights[i++];
            }

            while (j < v.Length && v[j] <= value)
            {
                vBelow += vWeights[j++];
            }
        }

        return sum;
    }
}
