using BenchmarkDotNet.Attributes;
using GapMonitor.Drift.Profiles;

namespace GapMonitor.Drift.Benchmarks;

/// <summary>
/// Closing one telemetry window as the service does: a window profile (8 numeric and 2 categorical columns, sample
/// of 20,000 as for telemetry) compared with a reference profile of 50,000 rows (sample of 50,000), then written as
/// the JSON report.
/// </summary>
public class ProfileDriftBenchmarks
{
    private const int NumericColumns = 8;
    private static readonly string[] Plans = ["basic", "pro", "enterprise"];
    private static readonly string[] Regions = ["eu", "us", "apac", "latam", "mea"];
    private DatasetProfile _reference = new();
    private DatasetProfile _window = new();

    [Params(3_300, 100_000)]
    public int WindowRows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _reference = Profile(50_000, new ProfileSettings { SampleSize = 50_000 }, shift: 0, seed: 1);
        _window = Profile(WindowRows, new ProfileSettings { SampleSize = 20_000 }, shift: 0.2, seed: 2);
    }

    [Benchmark]
    public string CompareAndWriteReport() => DriftJsonWriter.Write(DriftCalculator.Compare(_reference, _window));

    private static DatasetProfile Profile(int rows, ProfileSettings settings, double shift, int seed)
    {
        var random = new Random(seed);
        var profile = new DatasetProfile(settings);
        for (var row = 0; row < rows; row++)
        {
            for (var c = 0; c < NumericColumns; c++)
            {
                profile.Column($"num_{c}").Add(Normal(random) + (c < NumericColumns / 2 ? shift : 0));
            }

            profile.Column("plan").Add(Plans[random.Next(Plans.Length)]);
            profile.Column("region").Add(Regions[random.Next(Regions.Length)]);
            profile.Rows++;
        }

        return profile;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
