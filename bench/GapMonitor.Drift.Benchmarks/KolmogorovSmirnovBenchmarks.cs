using BenchmarkDotNet.Attributes;
using GapMonitor.Drift.Statistics;

namespace GapMonitor.Drift.Benchmarks;

/// <summary>Two-sample KS on 1M × 1M values: the test on sorted data, and with the sorting it needs.</summary>
[MemoryDiagnoser]
public class KolmogorovSmirnovBenchmarks
{
    private const int Size = 1_000_000;
    private double[] _reference = [];
    private double[] _current = [];
    private double[] _sortedReference = [];
    private double[] _sortedCurrent = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _reference = Enumerable.Range(0, Size).Select(_ => random.NextDouble()).ToArray();
        _current = Enumerable.Range(0, Size).Select(_ => (random.NextDouble() * 1.01) + 0.001).ToArray();
        _sortedReference = _reference.Order().ToArray();
        _sortedCurrent = _current.Order().ToArray();
    }

    [Benchmark]
    public TestResult TwoSampleOnSorted() => KolmogorovSmirnov.TwoSample(_sortedReference, _sortedCurrent);

    [Benchmark]
    public TestResult SortAndTwoSample()
    {
        var a = (double[])_reference.Clone();
        var b = (double[])_current.Clone();
        DoubleSorter.Sort(a);
        DoubleSorter.Sort(b);
        return KolmogorovSmirnov.TwoSample(a, b);
    }
}
