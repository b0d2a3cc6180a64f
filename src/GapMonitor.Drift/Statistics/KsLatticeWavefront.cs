using System.Numerics;

namespace GapMonitor.Drift.Statistics;

/// <summary>
/// scipy's <c>_compute_outer_prob_inside_method</c> (the two-sided exact p-value for n1 ≠ n2), evaluated along
/// anti-diagonals instead of lattice columns, with the same floating-point operations per cell.
/// </summary>
/// <remarks>
/// Cell (i, j) holds the share of lattice paths from (0, 0) to (i, j) that have left the band
/// |j/n − i/m| &lt; h/lcm: P(i, j) = (P(i−1, j)·i + P(i, j−1)·j) / (i + j), 1 outside the band, 0 on the first
/// column inside it. scipy walks column by column, so each cell waits for its neighbour below (one dependent
/// division per cell). The cells of one anti-diagonal i + j = s depend only on the previous anti-diagonal and share
/// the divisor s, so they are computed with SIMD vectors; every cell still gets exactly
/// <c>(a·i + b·j) / (i + j)</c> rounded as scipy rounds it, which keeps the result bit for bit scipy's. Only the
/// cells of the band are visited, as in scipy: O(m · band width) work, O(m) memory.
/// </remarks>
internal static class KsLatticeWavefront
{
    /// <summary>Proportion of lattice paths from (0,0) to (m,n) that leave |x/m − y/n| &lt; h/lcm(m,n).</summary>
    public static double OuterProbInside(long m, long n, long g, long h)
    {
        if (m < n)
        {
            (m, n) = (n, m);
        }

        if (!ColumnBands(m, n, g, h, out var minj, out var maxj))
        {
            return 1.0;
        }

        // prev/current hold one anti-diagonal each, indexed by i. Positions never written hold 1 (outside the band).
        var previous = new double[m + 1];
        var current = new double[m + 1];
        Array.Fill(previous, 1.0);
        Array.Fill(current, 1.0);
        previous[0] = 0.0;
        long lo = 0, hi = 0;
        for (var s = 1L; s <= m + n; s++)
        {
            while (hi < m && hi + 1 + minj[hi + 1] <= s)
            {
                hi++;
            }

            while (lo <= m && lo + maxj[lo] <= s)
            {
                lo++;
            }

            if (lo == 0)
            {
                current[0] = 0.0;
            }

            Diagonal(previous, current, (int)Math.Max(lo, 1), (int)hi, s);
            if (lo >= 1)
            {
                // Read by the next diagonal as the left neighbour of its first cell: outside the band.
                current[lo - 1] = 1.0;
            }

            (previous, current) = (current, previous);
        }

        return previous[m];
    }

    /// <summary>scipy's per-column window [minj, maxj) of band cells; false when some column has none (p = 1).</summary>
    private static bool ColumnBands(long m, long n, long g, long h, out int[] minj, out int[] maxj)
    {
        var mg = m / g;
        var ng = n / g;
        minj = new int[m + 1];
        maxj = new int[m + 1];
        maxj[0] = (int)Math.Min((long)Math.Ceiling((double)h / mg), n + 1);
        for (long i = 1; i <= m; i++)
        {
            var low = Math.Max((long)Math.Floor((double)((ng * i) - h) / mg) + 1, 0);
            low = Math.Min(low, n);
            var high = Math.Min((long)Math.Ceiling((double)((ng * i) + h) / mg), n + 1);
            if (high <= low)
            {
                return false;
            }

            minj[i] = (int)low;
            maxj[i] = (int)high;
        }

        return true;
    }

    /// <summary>current[i] = (previous[i−1]·i + previous[i]·(s−i)) / s for i in [from, to].</summary>
    private static void Diagonal(double[] previous, double[] current, int from, int to, long s)
    {
        var i = from;
        double sum = s;
        if (Vector.IsHardwareAccelerated && to - from + 1 >= Vector<double>.Count)
        {
            var width = Vector<double>.Count;
            var step = new Vector<double>(width);
            var divisor = new Vector<double>(sum);
            var iv = Vector<double>.Indices + new Vector<double>(from);
            var jv = divisor - iv;
            for (; i + width - 1 <= to; i += width)
            {
                var left = new Vector<double>(previous, i - 1);
                var below = new Vector<double>(previous, i);
                (((left * iv) + (below * jv)) / divisor).CopyTo(current, i);
                iv += step;
                jv -= step;
            }
        }

        for (; i <= to; i++)
        {
            current[i] = ((previous[i - 1] * i) + (previous[i] * (s - i))) / sum;
        }
    }
}
