using BenchmarkDotNet.Attributes;
using GapMonitor.Drift.Profiles;

namespace GapMonitor.Drift.Benchmarks;

/// <summary>Values per second into one column profile (one core); the goal is ≥ 20 M/s.</summary>
public class ProfileIngestionBenchmarks
{
    private const int Size = 1_000_000;
    private double[] _values = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2);
        _values = Enumerable.Range(0, Size).Select(_ => random.NextDouble() * 100).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Size)]
    public long AddMillionValues()
    {
        var profile = new ColumnProfile("x");
        foreach (var v in _values)
        {
            profile.Add(v);
        }

        return profile.Count;
    }
}
