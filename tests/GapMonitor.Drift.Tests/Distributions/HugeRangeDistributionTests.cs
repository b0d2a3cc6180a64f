using System.Text.Json;
using GapMonitor.Drift.Distributions;
using GapMonitor.Drift.Profiles;

namespace GapMonitor.Drift.Tests.Distributions;

/// <summary>A range wider than a double can hold (max - min overflows) still gives finite, ordered edges and labels.</summary>
public sealed class HugeRangeDistributionTests
{
    public static TheoryData<double, double> Ranges => new()
    {
        { -1e308, 1e308 },
        { -double.MaxValue, double.MaxValue },
        { -double.MaxValue, 0 },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Compare_FromValues_HasFiniteOrderedEdges(double min, double max)
    {
        ColumnData[] reference = [new NumericColumnData("x", [min, 0, max])];
        ColumnData[] current = [new NumericColumnData("x", [max, max, min])];

        AssertDrawable(Assert.Single(DistributionCalculator.Compare(reference, current, DistributionCalculator.DefaultBars)), min, max);
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Compare_FromProfiles_HasFiniteOrderedEdges(double min, double max)
    {
        var values = Enumerable.Range(0, 5000).Select(i => i % 2 == 0 ? min : max).ToArray();
        var profile = DatasetProfile.FromColumns([new NumericColumnData("x", values)]);

        AssertDrawable(Assert.Single(DistributionCalculator.Compare(profile, profile, DistributionCalculator.DefaultBars)), min, max);
    }

    private static void AssertDrawable(ColumnDistribution distribution, double min, double max)
    {
        Assert.Equal(DistributionCalculator.DefaultBars, distribution.Bins.Count);
        Assert.Equal(min, distribution.Bins[0].Lower);
        Assert.Equal(max, distribution.Bins[^1].Upper);
        foreach (var bin in distribution.Bins)
        {
            Assert.True(double.IsFinite(bin.Lower!.Value) && double.IsFinite(bin.Upper!.Value), bin.ToString());
            Assert.True(bin.Lower < bin.Upper, bin.ToString());
            Assert.DoesNotContain("∞", bin.Label, StringComparison.Ordinal);
            Assert.DoesNotContain("NaN", bin.Label, StringComparison.Ordinal);
        }

        Assert.Equal(1.0, distribution.Bins.Sum(b => b.Reference), 9);
        Assert.Equal(1.0, distribution.Bins.Sum(b => b.Current), 9);
        Assert.NotEmpty(JsonSerializer.Serialize(distribution));
    }
}
