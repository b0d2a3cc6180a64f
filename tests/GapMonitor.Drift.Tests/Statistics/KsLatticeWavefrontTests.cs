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
    public void OuterProbInside_AtScale_EqualsScipysColumnRecurrenceBitForBit(int m, int n, double d)
    {
        var g = Gcd(m, n);
        var h = (long)Math.Round(d * (m / g * n), MidpointRounding.ToEven);

        var expected = ScipyColumnRecurrence.OuterProbInside(m, n, g, h);
        var actual = KsLatticeWavefront.OuterProbInside(m, n, g, h);

        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));
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
