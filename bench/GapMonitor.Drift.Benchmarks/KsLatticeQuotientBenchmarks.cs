using BenchmarkDotNet.Attributes;
using GapMonitor.Drift.Statistics;

namespace GapMonitor.Drift.Benchmarks;

/// <summary>
/// The exact lattice (n1 ≠ n2) with a divide instruction per four cells (23203f8) against the reciprocal-and-FMA
/// quotient (<see cref="KsLatticeQuotient"/>), 512-bit vectors where the CPU has them: the pull bench's drifted column
/// (5,000 × 3,334, D ≈ 0.38), a usual decision (p ≈ 0.05) and a wide band (p ≈ 1e-100).
/// </summary>
[MemoryDiagnoser]
public class KsLatticeQuotientBenchmarks
{
    [Params("5000x3334 D=0.38", "5000x3333 p≈0.05", "5000x3333 p≈1e-100", "10000x9999 p≈0.05")]
    public string Case { get; set; } = "";

    private long _m;
    private long _n;
    private long _g;
    private long _h;

    [GlobalSetup]
    public void Setup()
    {
        var (m, n, d) = Case switch
        {
            "5000x3334 D=0.38" => (5000L, 3334L, 0.38),
            "5000x3333 p≈0.05" => (5000L, 3333L, 0.030255625562556256),
            "5000x3333 p≈1e-100" => (5000L, 3333L, 0.23905988598859887),
            _ => (10000L, 9999L, 0.019153875387538755),
        };
        (_m, _n) = (m, n);
        _g = Gcd(m, n);
        _h = (long)Math.Round(d * (m / _g * n), MidpointRounding.ToEven);
        if (BitConverter.DoubleToInt64Bits(Division()) != BitConverter.DoubleToInt64Bits(MultiplyAdd()))
        {
            throw new InvalidOperationException("Before and after disagree.");
        }
    }

    [Benchmark(Baseline = true)]
    public double Division() => BaselineKsLatticeWavefront.OuterProbInside(_m, _n, _g, _h);

    [Benchmark]
    public double MultiplyAdd() => KsLatticeWavefront.OuterProbInside(_m, _n, _g, _h);

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
