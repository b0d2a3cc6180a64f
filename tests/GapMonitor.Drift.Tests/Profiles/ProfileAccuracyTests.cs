using GapMonitor.Drift.Profiles;
using GapMonitor.Drift.Statistics;

namespace GapMonitor.Drift.Tests.Profiles;

/// <summary>The error of every statistic computed from profiles, against the exact computation on the raw values (see docs/drift.md).</summary>
public class ProfileAccuracyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Compare_WhenProfilesSummariseLargeColumns_StaysWithinDocumentedErrors(int seed)
    {
        var random = new Random(seed);
        var reference = Normal(random, 200_000, 0, 1);
        var current = Normal(random, 150_000, 0.1, 1.1);

        var exact = Single(DriftCalculator.Compare([new NumericColumnData("x", reference)], [new NumericColumnData("x", current)]));
        var approx = Single(DriftCalculator.Compare(Profile(reference, 10), Profile(current, 7)));

        Assert.Equal(exact.Method, approx.Method);
        Assert.Equal(exact.Missing, approx.Missing);
        Assert.True(Math.Abs(exact.Statistics.Ks!.Value.Statistic - approx.Statistics.Ks!.Value.Statistic) <= 0.04, "KS statistic");
        AssertRelative(exact.Statistics.Wasserstein!.Value, approx.Statistics.Wasserstein!.Value, 0.05, "Wasserstein");
        AssertRelative(exact.Statistics.WassersteinNormed!.Value, approx.Statistics.WassersteinNormed!.Value, 0.05, "normed Wasserstein");
        Assert.True(Math.Abs(exact.Statistics.Psi - approx.Statistics.Psi) <= 0.05, $"PSI {exact.Statistics.Psi} vs {approx.Statistics.Psi}");
        Assert.True(
            Math.Abs(exact.Statistics.JensenShannon - approx.Statistics.JensenShannon) <= 0.02,
            $"JS {exact.Statistics.JensenShannon} vs {approx.Statistics.JensenShannon}");
    }

    [Fact]
    public void Quantiles_WhenMillionValuesInPartitions_RankErrorBelowTwoPercent()
    {
        var values = Normal(new Random(5), 1_000_000, 3, 2);
        var profile = Profile(values, 16).Columns[0];
        var sorted = values.Order().ToArray();

        var worst = 0.0;
        for (var q = 1; q < 1000; q++)
        {
            var probe = sorted[q * sorted.Length / 1000];
            var exact = UpperBound(sorted, probe);
            worst = Math.Max(worst, Math.Abs(profile.Quantiles.Rank(probe) - exact) / sorted.Length);
        }

        Assert.True(worst <= 0.02, $"largest normalised rank error {worst}");
    }

    [Fact]
    public void Moments_WhenMergedFromPartitions_MatchTwoPassComputation()
    {
        var values = Normal(new Random(6), 300_000, 1e6, 3);
        var profile = Profile(values, 13).Columns[0];

        Assert.Equal(values.Length, profile.Count);
        Assert.Equal(values.Min(), profile.Min);
        Assert.Equal(values.Max(), profile.Max);
        AssertRelative(Moments.Mean(values), profile.Mean, 1e-12, "mean");
        AssertRelative(Moments.PopulationStd(values), Math.Sqrt(profile.Variance), 1e-9, "std");
    }

    [Fact]
    public void Compare_WhenSamplesHoldEveryValue_EqualsRawComputation()
    {
        var random = new Random(7);
        var reference = Normal(random, 900, 0, 1).Append(double.NaN).ToArray();
        var current = Normal(random, 700, 0.2, 1);

        var exact = Single(DriftCalculator.Compare([new NumericColumnData("x", reference)], [new NumericColumnData("x", current)]));
        var fromProfiles = Single(DriftCalculator.Compare(Profile(reference, 3), Profile(current, 4)));

        Assert.Equal(exact, fromProfiles);
    }

    [Fact]
    public void Compare_WhenFewDistinctValues_ChiSquareAndZTestAreExact()
    {
        var random = new Random(8);
        var reference = Enumerable.Range(0, 50_000).Select(_ => (double)random.Next(0, 2)).ToArray();
        var current = Enumerable.Range(0, 40_000).Select(_ => random.NextDouble() < 0.55 ? 1.0 : 0.0).ToArray();

        var exact = Single(DriftCalculator.Compare([new NumericColumnData("x", reference)], [new NumericColumnData("x", current)]));
        var fromProfiles = Single(DriftCalculator.Compare(Profile(reference, 5), Profile(current, 5)));

        Assert.Equal(DriftMethod.JensenShannon, fromProfiles.Method);
        Assert.Equal(exact.Statistics.ChiSquare, fromProfiles.Statistics.ChiSquare);
        Assert.Equal(exact.Statistics.ZTest, fromProfiles.Statistics.ZTest);
        Assert.Equal(exact.Statistics.Psi, fromProfiles.Statistics.Psi);
        Assert.Equal(exact.Statistics.JensenShannon, fromProfiles.Statistics.JensenShannon);
        Assert.Equal(exact.Score, fromProfiles.Score);
    }

    [Fact]
    public void Compare_WhenCategoriesFitTopK_IsExact()
    {
        var random = new Random(9);
        string[] plans = ["basic", "pro", "team"];
        var reference = Enumerable.Range(0, 5000).Select(_ => (string?)plans[random.Next(3)]).ToArray();
        var current = Enumerable.Range(0, 4000).Select(_ => random.Next(10) == 0 ? null : (string?)plans[random.Next(3)]).ToArray();

        var exact = Single(DriftCalculator.Compare([new CategoricalColumnData("c", reference)], [new CategoricalColumnData("c", current)]));
        var fromProfiles = Single(DriftCalculator.Compare(
            DatasetProfile.FromColumns([new CategoricalColumnData("c", reference)]),
            DatasetProfile.FromColumns([new CategoricalColumnData("c", current)])));

        Assert.Equal(exact, fromProfiles);
    }

    [Fact]
    public void Add_WhenMillionsOfValues_MemoryStaysBounded()
    {
        var profile = new ColumnProfile("x");
        var random = new Random(10);
        for (var i = 0; i < 2_000_000; i++)
        {
            profile.Add(random.NextDouble());
        }

        Assert.InRange(profile.Quantiles.Retained, 1, (3 * profile.Settings.QuantileK) + 64);
        Assert.Equal(profile.Settings.SampleSize, profile.Sample.Values.Count());
        Assert.True(profile.Values.Overflowed);
        Assert.Empty(profile.Values.Counts);
    }

    private static ColumnDrift Single(DriftReport report) => Assert.Single(report.Columns);

    private static DatasetProfile Profile(double[] values, int partitions)
    {
        var total = new DatasetProfile { Rows = 0 };
        var size = (values.Length + partitions - 1) / partitions;
        for (var p = 0; p < partitions; p++)
        {
            var part = new DatasetProfile();
            var column = new ColumnProfile("x", seed: (ulong)p);
            foreach (var v in values.Skip(p * size).Take(size))
            {
                column.Add(v);
            }

            part.Column("x").Merge(column);
            part.Rows = Math.Min(size, values.Length - (p * size));
            total.Merge(part);
        }

        return total;
    }

    private static double[] Normal(Random random, int n, double mean, double std) =>
        Enumerable.Range(0, n).Select(_ => mean + (std * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))).ToArray();

    private static int UpperBound(double[] sorted, double value)
    {
        var index = Array.BinarySearch(sorted, value);
        if (index < 0)
        {
            return ~index;
        }

        while (index < sorted.Length && sorted[index] == value)
        {
            index++;
        }

        return index;
    }

    private static void AssertRelative(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Abs(expected), $"{what}: expected {expected:R}, got {actual:R}");
}
