using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
/// <c>(a·i + b·j) / (i + j)</c> rounded as scipy rounds it, which keeps the result bit for bit scipy's. The division
/// itself is the correctly rounded quotient of <see cref="KsLatticeQuotient"/> (multiply-adds, not divide instructions). Only the
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
internal static class KsLatticeWavefront
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
        double sum = s;
        var i = from;
        if (KsLatticeQuotient.IsAccelerated)
        {
            var reciprocal = 1.0 / sum;
            if (Vector512.IsHardwareAccelerated)
            {
                i = Diagonal512(previous, current, i, to, sum, reciprocal);
            }

            if (Vector256.IsHardwareAccelerated)
            {
                i = Diagonal256(previous, current, i, to, sum, reciprocal);
            }
        }

        for (; i <= to; i++)
        {
            var dividend = (previous[i - 1] * i) + (previous[i] * (s - i));
            var quotient = dividend / sum;
            current[i] = quotient > 0 && quotient < SubnormalLimit ? OnSubnormalGrid(quotient, dividend, sum) : quotient;
        }
    }

    /// <summary><see cref="Diagonal"/> eight cells at a time from <paramref name="i"/>; returns the first cell not done.</summary>
    private static int Diagonal512(double[] previous, double[] current, int i, int to, double sum, double reciprocal)
    {
        var width = Vector512<double>.Count;
        ref var below = ref MemoryMarshal.GetArrayDataReference(previous);
        ref var target = ref MemoryMarshal.GetArrayDataReference(current);
        var step = Vector512.Create((double)width);
        var divisor = Vector512.Create(sum);
        var inverse = Vector512.Create(reciprocal);
        var limit = Vector512.Create(SubnormalLimit);
        var halfGrid = Vector512.Create(HalfGrid);
        var iv = Vector512<double>.Indices + Vector512.Create((double)i);
        var jv = divisor - iv;
        for (; i + width - 1 <= to; i += width)
        {
            var dividend = (Vector512.LoadUnsafe(ref below, (nuint)(i - 1)) * iv) + (Vector512.LoadUnsafe(ref below, (nuint)i) * jv);
            var quotient = KsLatticeQuotient.Divide(dividend, divisor, inverse);
            var small = Vector512.LessThan(quotient, limit);
            if (small.ExtractMostSignificantBits() != 0)
            {
                // OnSubnormalGrid, lane by lane; a quotient on a midpoint of the grid (rare) is redone one cell at a time.
                var rounded = (quotient + limit) - limit;
                var midpoints = Vector512.Equals(Vector512.Abs(quotient - rounded), halfGrid) & small;
                quotient = Vector512.ConditionalSelect(small, rounded, quotient);
                quotient.StoreUnsafe(ref target, (nuint)i);
                if (midpoints.ExtractMostSignificantBits() != 0)
                {
                    RoundMidpoints(previous, current, i, i + width, sum);
                }
            }
            else
            {
                quotient.StoreUnsafe(ref target, (nuint)i);
            }

            iv += step;
            jv -= step;
        }

        return i;
    }

    /// <summary><see cref="Diagonal"/> four cells at a time from <paramref name="i"/>; returns the first cell not done.</summary>
    /// <remarks>
    /// The same loop as <see cref="Diagonal512"/> at half the width: Vector256 and Vector512 share no public interface in
    /// .NET 10 (ISimdVector is internal), so one generic loop cannot serve both.
    /// </remarks>
    private static int Diagonal256(double[] previous, double[] current, int i, int to, double sum, double reciprocal)
    {
        var width = Vector256<double>.Count;
        ref var below = ref MemoryMarshal.GetArrayDataReference(previous);
        ref var target = ref MemoryMarshal.GetArrayDataReference(current);
        var step = Vector256.Create((double)width);
        var divisor = Vector256.Create(sum);
        var inverse = Vector256.Create(reciprocal);
        var limit = Vector256.Create(SubnormalLimit);
        var halfGrid = Vector256.Create(HalfGrid);
        var iv = Vector256<double>.Indices + Vector256.Create((double)i);
        var jv = divisor - iv;
        for (; i + width - 1 <= to; i += width)
        {
            var dividend = (Vector256.LoadUnsafe(ref below, (nuint)(i - 1)) * iv) + (Vector256.LoadUnsafe(ref below, (nuint)i) * jv);
            var quotient = KsLatticeQuotient.Divide(dividend, divisor, inverse);
            var small = Vector256.LessThan(quotient, limit);
            if (small.ExtractMostSignificantBits() != 0)
            {
                // OnSubnormalGrid, lane by lane; a quotient on a midpoint of the grid (rare) is redone one cell at a time.
                var rounded = (quotient + limit) - limit;
                var midpoints = Vector256.Equals(Vector256.Abs(quotient - rounded), halfGrid) & small;
                quotient = Vector256.ConditionalSelect(small, rounded, quotient);
                quotient.StoreUnsafe(ref target, (nuint)i);
                if (midpoints.ExtractMostSignificantBits() != 0)
                {
                    RoundMidpoints(previous, current, i, i + width, sum);
                }
            }
            else
            {
                quotient.StoreUnsafe(ref target, (nuint)i);
            }

            iv += step;
            jv -= step;
        }

        return i;
    }

    /// <summary>Rounds again, from the exact quotient, the cells in [from, until) that lie below the smallest normal.</summary>
    private static void RoundMidpoints(double[] previous, double[] current, int from, int until, double sum)
    {
        for (var k = from; k < until; k++)
        {
            var dividend = (previous[k - 1] * k) + (previous[k] * (sum - k));
            var quotient = dividend / sum;
            if (quotient < SubnormalLimit)
            {
                current[k] = OnSubnormalGrid(quotient, dividend, sum);
            }
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
