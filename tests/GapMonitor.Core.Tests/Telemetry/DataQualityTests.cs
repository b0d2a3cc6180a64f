using GapMonitor.Core.Telemetry;
using GapMonitor.Drift.Profiles;

namespace GapMonitor.Core.Tests.Telemetry;

public class DataQualityTests
{
    [Fact]
    public void Compare_TheSameData_FindsNothing()
    {
        var reference = Numbers("age", Enumerable.Range(0, 100).Select(i => (double?)i));

        Assert.Empty(DataQuality.Compare(reference, Numbers("age", Enumerable.Range(0, 100).Select(i => (double?)i))));
    }

    [Fact]
    public void Compare_ColumnsAddedAndGone_AreNamed()
    {
        var reference = Numbers("age", [1, 2, 3]);
        var current = Numbers("income", [1, 2, 3]);

        var findings = DataQuality.Compare(reference, current);

        Assert.Contains(findings, f => f is { Kind: "column-added", Column: "income" });
        Assert.Contains(findings, f => f is { Kind: "column-gone", Column: "age" });
        Assert.Equal(2, findings.Count);
    }

    [Fact]
    public void Compare_MissingShareRisingByMoreThanTheJump_IsFound_WithTheRise()
    {
        var reference = Numbers("age", Enumerable.Range(0, 100).Select(i => (double?)i));
        var current = Numbers("age", Enumerable.Range(0, 100).Select(i => i < 20 ? null : (double?)i));

        var finding = Assert.Single(DataQuality.Compare(reference, current));

        Assert.Equal("missing-share-jump", finding.Kind);
        Assert.Equal(0.2, finding.Value!.Value, 6);
    }

    [Fact]
    public void Compare_MissingShareRisingLessThanTheJump_IsNotFound()
    {
        var reference = Numbers("age", Enumerable.Range(0, 100).Select(i => (double?)i));
        var current = Numbers("age", Enumerable.Range(0, 100).Select(i => i < 5 ? null : (double?)i));

        Assert.Empty(DataQuality.Compare(reference, current));
    }

    [Fact]
    public void Compare_CategoriesNotInTheReference_AreListed()
    {
        var reference = Categories("plan", ["basic", "pro", "basic"]);
        var current = Categories("plan", ["basic", "enterprise", "trial"]);

        var finding = Assert.Single(DataQuality.Compare(reference, current));

        Assert.Equal("unseen-categories", finding.Kind);
        Assert.Equal(2, finding.Value);
        Assert.Contains("enterprise", finding.Detail, StringComparison.Ordinal);
        Assert.Contains("trial", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ValuesOutsideTheReferenceRange_AreFoundAboveTheShare()
    {
        var reference = Numbers("age", Enumerable.Range(0, 101).Select(i => (double?)i));
        var tenPercentAbove = Numbers("age", Enumerable.Range(0, 100).Select(i => (double?)(i < 10 ? 500 + i : i)));
        var twoPercentAbove = Numbers("age", Enumerable.Range(0, 100).Select(i => (double?)(i < 2 ? 500 + i : i)));

        var finding = Assert.Single(DataQuality.Compare(reference, tenPercentAbove));
        Assert.Equal("out-of-range", finding.Kind);
        Assert.Equal(0.1, finding.Value!.Value, 6);
        Assert.Empty(DataQuality.Compare(reference, twoPercentAbove));
    }

    private static DatasetProfile Numbers(string column, IEnumerable<double?> values)
    {
        var profile = new DatasetProfile();
        var target = profile.Column(column);
        foreach (var value in values)
        {
            target.Add(value ?? double.NaN);
            profile.Rows++;
        }

        return profile;
    }

    private static DatasetProfile Categories(string column, IEnumerable<string> values)
    {
        var profile = new DatasetProfile();
        var target = profile.Column(column);
        foreach (var value in values)
        {
            target.Add(value);
            profile.Rows++;
        }

        return profile;
    }
}
