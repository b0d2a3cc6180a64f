using BenchmarkDotNet.Attributes;
using GapMonitor.Drift.Statistics;

namespace GapMonitor.Drift.Benchmarks;

/// <summary>
/// One exact two-sided KS p-value (scipy's 'auto' mode below 10,000 values a side) at the statistic whose p-value
/// is ≈ 0.05 (a narrow lattice band: the usual drift decision) and ≈ 1e-100 (a wide band), b493d38 against now.
/// </summary>
[MemoryDiagnoser]
public class ExactKsPValueBenchmarks
{
    [Params("5000x3333", "10000x10000", "10000x9999")]
    public string Sizes { get; set; } = "";

    [Params("p≈0.05", "p≈1e-100")]
    public string Statistic { get; set; } = "";

    private int _n1;
    private int _n2;
    private double _d;

    [GlobalSetup]
    public void Setup()
    {
        // Statistics from tests/GapMonitor.Drift.Tests/golden/drift_golden.json ("ksScale"), scipy's p-values there.
        (_n1, _n2, _d) = (Sizes, Statistic) switch
        {
            ("5000x3333", "p≈0.05") => (5000, 3333, 0.030255625562556256),
            ("5000x3333", _) => (5000, 3333, 0.23905988598859887),
            ("10000x10000", "p≈0.05") => (10000, 10000, 0.0192),
            ("10000x10000", _) => (10000, 10000, 0.1517),
            ("10000x9999", "p≈0.05") => (10000, 9999, 0.019153875387538755),
            _ => (10000, 9999, 0.15165643564356435),
        };
        if (Before().PValue != After().PValue)
        {
            throw new InvalidOperationException("Before and after disagree.");
        }
    }

    [Benchmark(Baseline = true)]
    public TestResult Before() => BaselineExactKolmogorovSmirnov.PValue(_d, _n1, _n2);

    [Benchmark]
    public TestResult After() => KolmogorovSmirnov.PValue(_d, _n1, _n2);
}
