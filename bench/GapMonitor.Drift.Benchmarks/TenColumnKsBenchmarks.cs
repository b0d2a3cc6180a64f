using BenchmarkDotNet.Attributes;
using GapMonitor.Drift.Profiles;
using GapMonitor.Drift.Statistics;

namespace GapMonitor.Drift.Benchmarks;

/// <summary>
/// Closing a window whose KS p-values are exact: 10 numeric columns, a reference of 10,000 rows against a window of
/// 3,333 rows (both samples complete, so every column takes scipy's exact 10,000 × 3,333 lattice path), half of the
/// columns shifted. "Before"/"After": the KS tests of the 10 columns run in parallel as DriftCalculator does, with
/// b493d38's exact p-value and with the current one. <see cref="CompareProfiles"/> is the whole comparison now.
/// </summary>
[MemoryDiagnoser]
public class TenColumnKsBenchmarks
{
    private const int Columns = 10;
    private const int ReferenceRows = 10_000;
    private const int WindowRows = 3_333;
    private double[][] _reference = [];
    private double[][] _window = [];
    private DatasetProfile _referenceProfile = new();
    private DatasetProfile _windowProfile = new();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(12);
        _reference = Enumerable.Range(0, Columns).Select(_ => Sample(random, ReferenceRows, 0)).ToArray();
        _window = Enumerable.Range(0, Columns).Select(c => Sample(random, WindowRows, c % 2 == 0 ? 0.05 : 0)).ToArray();
        _referenceProfile = Profile(_reference);
        _windowProfile = Profile(_window);
        if (!Before().SequenceEqual(After()))
        {
            throw new InvalidOperationException("Before and after disagree.");
        }
    }

    [Benchmark(Baseline = true)]
    public TestResult[] Before() => ForEachColumn(c =>
        BaselineExactKolmogorovSmirnov.PValue(KolmogorovSmirnov.Statistic(_reference[c], _window[c]), ReferenceRows, WindowRows));

    [Benchmark]
    public TestResult[] After() => ForEachColumn(c => KolmogorovSmirnov.TwoSample(_reference[c], _window[c]));

    [Benchmark]
    public DriftReport CompareProfiles() => DriftCalculator.Compare(_referenceProfile, _windowProfile);

    private static TestResult[] ForEachColumn(Func<int, TestResult> test)
    {
        var results = new TestResult[Columns];
        Parallel.For(0, Columns, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, c => results[c] = test(c));
        return results;
    }

    private static double[] Sample(Random random, int rows, double shift) =>
        Enumerable.Range(0, rows).Select(_ => Math.Round(Normal(random) + shift, 4)).Order().ToArray();

    private static DatasetProfile Profile(double[][] columns)
    {
        var profile = new DatasetProfile(new ProfileSettings { SampleSize = ReferenceRows });
        for (var c = 0; c < columns.Length; c++)
        {
            foreach (var value in columns[c])
            {
                profile.Column($"num_{c}").Add(value);
            }
        }

        profile.Rows = columns[0].Length;
        return profile;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
