using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GapMonitor.Drift.Statistics;

namespace GapMonitor.Drift.Tests.Statistics;

/// <summary>The anti-diagonal (SIMD) evaluation of scipy's lattice recurrence gives scipy's column-by-column result bit for bit.</summary>
public class KsLatticeWavefrontTests
{
    [Property(MaxTest = 300)]
    public Property OuterProbInside_ForAnySizesAndStatistic_EqualsScipysColumnRecurrenceBitForBit(PositiveInt a, PositiveInt b, int hSeed)
    {
        long m = (a.Get % 400) + 1, n = (b.Get % 400) + 1;
        var g = Gcd(m, n);
        var lcm = m / g * n;
        var h = 1 + (Math.Abs((long)hSeed) % lcm);

        var expected = ScipyColumnRecurrence.OuterProbInside(m, n, g, h);
        var actual = KsLatticeWavefront.OuterProbInside(m, n, g, h);

        return BitConverter.DoubleToInt64Bits(expected).Equals(BitConverter.DoubleToInt64Bits(actual))
            .Label($"m={m} n={n} h={h}: expected {expected:R}, got {actual:R}");
    }

    [Theory]
    [InlineData(5_000, 3_333, 0.026)]
    [InlineData(5_000, 3_333, 0.25)]
    [InlineData(10_000, 9_999, 0.019)]
    [InlineData(10_000, 9_999, 0.6)]
    [InlineData(10_000, 7, 0.5)]
    [InlineData(10_000, 7, 0.99)]
    [InlineData(9_000, 6_000, 0.03)]
    [InlineData(2_000, 2_000, 0.05)]
    [InlineData(5_000, 3_334, 0.38)]
    [InlineData(5_000, 3_334, 0.5)]
    [InlineData(5_000, 3_334, 0.52)]
    [InlineData(3_000, 1_001, 0.7)]
    public void OuterProbInside_AtScale_EqualsScipysColumnRecurrenceBitForBit(int m, int n, double d)
    {
        var g = Gcd(m, n);
        var h = (long)Math.Round(d * (m / g * n), MidpointRounding.ToEven);

        var expected = ScipyColumnRecurrence.OuterProbInside(m, n, g, h);
        var actual = KsLatticeWavefront.OuterProbInside(m, n, g, h);

        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));
    }

    /// <summary>Large statistics: cells and results in the subnormal range, which the lattice keeps scaled.</summary>
    [Property(MaxTest = 60)]
    public Property OuterProbInside_ForLargeStatistics_EqualsScipysColumnRecurrenceBitForBit(PositiveInt a, PositiveInt b, int dSeed)
    {
        long m = (a.Get % 1_500) + 300, n = (b.Get % 1_500) + 300;
        var g = Gcd(m, n);
        var lcm = m / g * n;
        var h = (long)Math.Round((0.3 + (Math.Abs((long)dSeed) % 700 / 1000.0)) * lcm, MidpointRounding.ToEven);

        var expected = ScipyColumnRecurrence.OuterProbInside(m, n, g, h);
        var actual = KsLatticeWavefront.OuterProbInside(m, n, g, h);

        return BitConverter.DoubleToInt64Bits(expected).Equals(BitConverter.DoubleToInt64Bits(actual))
            .Label($"m={m} n={n} h={h}: expected {expected:R}, got {actual:R}");
    }

    /// <summary>A scaled quotient rounded to the scaled subnormal grid is what the CPU's gradual underflow gives unscaled.</summary>
    [Property(MaxTest = 20_000)]
    public Property OnSubnormalGrid_ForAnyDividendAndDivisor_EqualsTheUnscaledIeeeQuotient(int seed)
    {
        // Dividends are what the lattice divides: multiples of 2^−1074 (every double is), from subnormal to just normal.
        var random = new Random(seed);
        var dividend = BitConverter.Int64BitsToDouble(random.NextInt64(1L << 56));
        double divisor = random.Next(2, 20_002);

        var expected = dividend / divisor;
        var scaledDividend = dividend * KsLatticeWavefront.Scale;
        var scaledQuotient = scaledDividend / divisor;
        var actual = Math.ScaleB(KsLatticeWavefront.OnSubnormalGrid(scaledQuotient, scaledDividend, divisor), -600);

        return (expected >= 2.2250738585072014E-308 || BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual))
            .Label($"{dividend:R} / {divisor}: expected {expected:R}, got {actual:R}");
    }

    [Property(MaxTest = 200)]
    public Property ProbOutsideSquare_ForEqualSizes_AgreesWithTheGeneralLatticePath(PositiveInt size, int hSeed)
    {
        long n = (size.Get % 2_000) + 1;
        var h = 1 + (Math.Abs((long)hSeed) % n);

        var square = KsExactDistribution.ProbOutsideSquare(n, h);
        var lattice = KsLatticeWavefront.OuterProbInside(n, n, n, h);

        var relative = square == lattice ? 0 : Math.Abs(square - lattice) / Math.Max(Math.Abs(square), Math.Abs(lattice));
        return (relative <= 1e-10 || Math.Max(square, lattice) < 1e-290).Label($"n={n} h={h}: square {square:R}, lattice {lattice:R}");
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
