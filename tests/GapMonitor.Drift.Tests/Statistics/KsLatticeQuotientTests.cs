using System.Runtime.Intrinsics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GapMonitor.Drift.Statistics;

namespace GapMonitor.Drift.Tests.Statistics;

/// <summary>The reciprocal-and-FMA quotient is the divide instruction's, bit for bit, over the lattice's range.</summary>
public class KsLatticeQuotientTests
{
    private const int PairsPerCase = 2_000;

    /// <summary>Random dividends from the smallest scaled grid step (2^−474) to past the scaled 1 (2^600) and lattice divisors.</summary>
    [Property(MaxTest = 500)]
    public Property Divide_ForRandomDividendsAndLatticeDivisors_EqualsTheDivideInstruction(int seed)
    {
        var (dividends, divisors) = Pairs(seed, nearMidpoints: false);
        var mismatch = Mismatch(dividends, divisors);
        return mismatch.Equals(string.Empty, StringComparison.Ordinal).Label($"seed {seed}: {mismatch}");
    }

    /// <summary>Dividends built so the exact quotient lies within a few ulps of a midpoint between two doubles.</summary>
    [Property(MaxTest = 500)]
    public Property Divide_ForQuotientsNearMidpoints_EqualsTheDivideInstruction(int seed)
    {
        var (dividends, divisors) = Pairs(seed, nearMidpoints: true);
        var mismatch = Mismatch(dividends, divisors);
        return mismatch.Equals(string.Empty, StringComparison.Ordinal).Label($"seed {seed}: {mismatch}");
    }

    [Fact]
    public void Divide_ForExactQuotientsAndZero_EqualsTheDivideInstruction()
    {
        double[] dividends = [0.0, 1.0, Math.ScaleB(1.0, 600) * 7, Math.ScaleB(1.0, -474), 20_000 * Math.ScaleB(1.0, 600), 3.0];
        double[] divisors = [1.0, 3.0, 7.0, 3.0, 20_000.0, 3.0];

        Assert.Equal(string.Empty, Mismatch(dividends, divisors));
    }

    private static (double[] Dividends, double[] Divisors) Pairs(int seed, bool nearMidpoints)
    {
        var random = new Random(seed);
        var dividends = new double[PairsPerCase];
        var divisors = new double[PairsPerCase];
        for (var k = 0; k < PairsPerCase; k++)
        {
            divisors[k] = random.Next(1, 20_002);
            if (nearMidpoints)
            {
                // (q + ulp/2)·divisor rounded once, then a neighbour: quotients within about ulp/divisor of a midpoint.
                var q = Math.ScaleB(1.0 + (random.NextInt64(1L << 52) / (double)(1L << 52)), random.Next(-470, 590));
                var dividend = Math.FusedMultiplyAdd(q, divisors[k], (Math.BitIncrement(q) - q) / 2 * divisors[k]);
                dividends[k] = random.Next(3) switch { 0 => Math.BitDecrement(dividend), 1 => dividend, _ => Math.BitIncrement(dividend) };
            }
            else
            {
                dividends[k] = Math.ScaleB(1.0 + (random.NextInt64(1L << 52) / (double)(1L << 52)), random.Next(-474, 615));
            }
        }

        return (dividends, divisors);
    }

    /// <summary>The first pair whose quotient differs from <c>dividend / divisor</c> in any path, or empty.</summary>
    private static string Mismatch(double[] dividends, double[] divisors)
    {
        for (var k = 0; k < dividends.Length; k++)
        {
            double a = dividends[k], b = divisors[k], y = 1.0 / b;
            var expected = BitConverter.DoubleToInt64Bits(a / b);
            var scalar = KsLatticeQuotient.Divide(a, b, y);
            var v256 = KsLatticeQuotient.Divide(Vector256.Create(a), Vector256.Create(b), Vector256.Create(y)).GetElement(3);
            var v512 = KsLatticeQuotient.Divide(Vector512.Create(a), Vector512.Create(b), Vector512.Create(y)).GetElement(7);
            foreach (var (path, actual) in new[] { ("scalar", scalar), ("256", v256), ("512", v512) })
            {
                if (BitConverter.DoubleToInt64Bits(actual) != expected)
                {
                    return FormattableString.Invariant($"{a:R} / {b:R} ({path}): expected {a / b:R}, got {actual:R}");
                }
            }
        }

        return string.Empty;
    }
}
