using BenchmarkDotNet.Attributes;
using GapMonitor.Core.Drift.Statistics;

namespace GapMonitor.Benchmarks.Drift;

/// <summary>Two-sample KS on 1M × 1M values: the test on sorted data, and with the sorting it needs.</summary>
[MemoryDiagnoser]
public class KolmogorovSmirnovBenchmarks
{
    private const int Size = 1_000_000;
    private double[] reference = [];
    private double[] current = [];
    private double[] sortedReference = [];
    private double[] sortedCurrent = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        reference = Enumerable.Range(0, Size).Select(_ => random.NextDouble()).ToArray();
        current = Enumerable.Range(0, Size).Select(_ => (random.NextDouble() * 1.01) + 0.001).ToArray();
        sortedReference = reference.Order().ToArray();
        sortedCurrent = current.Order().ToArray();
    }

    [Benchmark]
    public TestResult TwoSampleOnSorted() => KolmogorovSmirnov.TwoSample(sortedReference, sortedCurrent);

    [Benchmark]
    public TestResult SortAndTwoSample()
    {
        var a = (double[])reference.Clone();
        var b = (double[])current.Clone();
        DoubleSorter.Sort(a);
        DoubleSorter.Sort(b);
        return KolmogorovSmirnov.TwoSample(a, b);
    }
}
