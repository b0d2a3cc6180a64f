using System.Numerics;

namespace GapMonitor.Drift.Benchmarks;

/// <summary>
/// BENCHMARK-ONLY copy of <c>KsLatticeWavefront</c> as it was at 23203f8 (one SIMD division per four cells), so
/// BenchmarkDotNet measures it and the reciprocal-and-FMA quotient side by side. Not used by the library.
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
/// <para>
/// Far inside a wide band (a large statistic) the cells are subnormal, and every operation on a subnormal costs the
/// CPU a microcode assist (≈ 10× a normal one). So every cell is kept multiplied by 2^<see cref="ScaleExponent"/>,
/// which keeps all of them normal; scaling by a power of two is exact, and the cells that would be subnormal unscaled are
/// rounded to the subnormal grid (2^−1074, scaled) exactly as IEEE gradual underflow rounds them. Products and sums
/// of values on that grid by the integers i and j stay on the grid, so only the division needs it. The result is
/// scaled back at the end: bit for bit scipy's.
/// </para>
/// </remarks>
internal static class BaselineKsLatticeWavefront
{
    private const int ScaleExponent = 600;

    /// <summary>2^600: what 1 (a cell outside the band) is in the scaled lattice.</summary>
    private static readonly double One = Math.ScaleB(1.0, ScaleExponent);

    /// <summary>The smallest normal double (2^−1022), scaled: nonzero cells below it lie on the subnormal grid.</summary>
    private static readonly double SubnormalLimit = Math.ScaleB(1.0, ScaleExponent - 1022);

    /// <summary>The factor of every cell (2^600).</summary>
    internal static double Scale => One;

    /// <summary>Half the spacing of the subnormal grid (2^−1075), scaled.</summary>
    private static readonly double HalfGrid = Math.ScaleB(1.0, ScaleExponent - 1075);

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
        Array.Fill(previous, One);
        Array.Fill(current, One);
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
                current[lo - 1] = One;
            }

            (previous, current) = (current, previous);
        }

        return Math.ScaleB(previous[m], -ScaleExponent);
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
            var limit = new Vector<double>(SubnormalLimit);
            var iv = Vector<double>.Indices + new Vector<double>(from);
            var jv = divisor - iv;
            for (; i + width - 1 <= to; i += width)
            {
                var left = new Vector<double>(previous, i - 1);
                var below = new Vector<double>(previous, i);
                var quotient = ((left * iv) + (below * jv)) / divisor;
                quotient.CopyTo(current, i);
                if (Vector.BitwiseAnd(Vector.LessThan(quotient, limit), Vector.GreaterThan(quotient, Vector<double>.Zero)) != Vector<long>.Zero)
                {
                    for (var k = i; k < i + width; k++)
                    {
                        if (current[k] > 0 && current[k] < SubnormalLimit)
                        {
                            current[k] = OnSubnormalGrid(current[k], (previous[k - 1] * k) + (previous[k] * (s - k)), sum);
                        }
                    }
                }

                iv += step;
                jv -= step;
            }
        }

        for (; i <= to; i++)
        {
            var dividend = (previous[i - 1] * i) + (previous[i] * (s - i));
            var quotient = dividend / sum;
            current[i] = quotient > 0 && quotient < SubnormalLimit ? OnSubnormalGrid(quotient, dividend, sum) : quotient;
        }
    }

    /// <summary>
    /// dividend / divisor rounded to the nearest multiple of the (scaled) subnormal grid, ties to even, as IEEE rounds a
    /// subnormal quotient; <paramref name="quotient"/> is the quotient rounded to 53 bits, below <see cref="SubnormalLimit"/>.
    /// </summary>
    internal static double OnSubnormalGrid(double quotient, double dividend, double divisor)
    {
        // Adding 2^−1022 (scaled) moves the quotient into a binade whose spacing is the grid: the sum rounds to it.
        var rounded = (quotient + SubnormalLimit) - SubnormalLimit;
        var off = quotient - rounded;
        if (off == HalfGrid || off == -HalfGrid)
        {
            // The 53-bit quotient fell on a midpoint of the grid: the exact one lies above or below it (or on it).
            var remainder = Math.FusedMultiplyAdd(-quotient, divisor, dividend);
            rounded = remainder > 0 ? quotient + HalfGrid : remainder < 0 ? quotient - HalfGrid : rounded;
        }

        return rounded;
    }
}
