using System.Text.Json;
using GapMonitor.Drift.Distributions;
using GapMonitor.Drift.Profiles;

namespace GapMonitor.Drift.Tests.Distributions;

/// <summary>Bars against golden/distribution_golden.json (numpy 1.24, written by golden/make_distribution_golden.py).</summary>
public sealed class DistributionGoldenTests
{
    private static readonly Lazy<JsonElement> Cases = new(() => JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "distribution_golden.json"))).RootElement.GetProperty("cases"));

    public static TheoryData<string> Names() => new(Cases.Value.EnumerateArray().Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Names))]
    public void Compare_FromRawColumns_MatchesNumpy(string name)
    {
        var (golden, reference, current) = Case(name);

        var distribution = Assert.Single(DistributionCalculator.Compare([reference], [current], golden.GetProperty("bars").GetInt32()));

        AssertMatches(golden, distribution);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Compare_FromProfilesHoldingEveryValue_MatchesNumpy(string name)
    {
        var (golden, reference, current) = Case(name);

        var distribution = Assert.Single(DistributionCalculator.Compare(
            DatasetProfile.FromColumns([reference]), DatasetProfile.FromColumns([current]), golden.GetProperty("bars").GetInt32()));

        AssertMatches(golden, distribution);
    }

    private static (JsonElement Golden, ColumnData Reference, ColumnData Current) Case(string name)
    {
        var golden = Cases.Value.EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        if (golden.GetProperty("type").GetString() == "numeric")
        {
            return (golden, new NumericColumnData("x", Numbers(golden.GetProperty("reference"))), new NumericColumnData("x", Numbers(golden.GetProperty("current"))));
        }

        return (golden, new CategoricalColumnData("x", Golden.Strings(golden.GetProperty("reference"))), new CategoricalColumnData("x", Golden.Strings(golden.GetProperty("current"))));
    }

    private static double[] Numbers(JsonElement array) =>
        array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble()).ToArray();

    private static void AssertMatches(JsonElement golden, ColumnDistribution distribution)
    {
        var expected = golden.GetProperty("expected");
        Assert.Equal("x", distribution.Column);
        Assert.Equal(expected.GetProperty("referenceCount").GetInt64(), distribution.ReferenceCount);
        Assert.Equal(expected.GetProperty("currentCount").GetInt64(), distribution.CurrentCount);
        var referenceShares = Golden.Numbers(expected.GetProperty("reference"));
        var currentShares = Golden.Numbers(expected.GetProperty("current"));
        Assert.Equal(referenceShares.Length, distribution.Bins.Count);
        if (golden.GetProperty("type").GetString() == "numeric")
        {
            Assert.Equal(ColumnType.Numeric, distribution.Type);
            var edges = Golden.Numbers(expected.GetProperty("edges"));
            Assert.Equal(edges[..^1], distribution.Bins.Select(b => b.Lower!.Value));
            Assert.Equal(edges[1..], distribution.Bins.Select(b => b.Upper!.Value));
        }
        else
        {
            Assert.Equal(ColumnType.Categorical, distribution.Type);
            Assert.Equal(Golden.Strings(expected.GetProperty("labels")), distribution.Bins.Select(b => b.Label));
        }

        Assert.Equal(referenceShares, distribution.Bins.Select(b => b.Reference));
        Assert.Equal(currentShares, distribution.Bins.Select(b => b.Current));
    }
}
