using System.Text.Json;
using GapMonitor.Drift.Profiles;

namespace GapMonitor.Drift.Tests;

/// <summary>What an outside caller can hand the calculator, and the errors it gets back.</summary>
public class DriftCalculatorInputTests
{
    private static readonly ColumnData[] Reference = [new NumericColumnData("x", [1, 2, 3, 4, 5, 6, 7]), new CategoricalColumnData("c", ["a", "b", "a"])];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Compare_WhenAColumnNameRepeatsOnOneSide_ThrowsAConfigurationErrorNamingIt(bool inReference)
    {
        ColumnData[] repeated = [.. Reference, new NumericColumnData("x", [9])];

        var error = Assert.Throws<DriftConfigurationException>(() => inReference
            ? DriftCalculator.Compare(repeated, Reference)
            : DriftCalculator.Compare(Reference, repeated));

        Assert.Contains(inReference ? "reference" : "current", error.Message, StringComparison.Ordinal);
        Assert.Contains("'x'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1, 1)]
    [InlineData(1.5, 1)]
    [InlineData(double.NaN, 1)]
    [InlineData(0.5, 0)]
    [InlineData(0.5, -2)]
    public void Compare_WhenAnOptionIsOutOfRange_ThrowsAConfigurationError(double share, int parallelism)
    {
        var options = new DriftOptions { DatasetDriftShare = share, MaxDegreeOfParallelism = parallelism };

        Assert.Throws<DriftConfigurationException>(() => DriftCalculator.Compare(Reference, Reference, options));
    }

    [Fact]
    public void Compare_WhenParallelismIsUnlimited_ComparesEveryColumn()
    {
        var report = DriftCalculator.Compare(Reference, Reference, new DriftOptions { MaxDegreeOfParallelism = -1 });

        Assert.Equal(2, report.Columns.Count);
        Assert.False(report.DatasetDrift);
    }

    [Fact]
    public void Compare_WhenColumnsAreOnOneSideOnly_NamesTheReason()
    {
        var report = DriftCalculator.Compare([new NumericColumnData("old", [1])], [new NumericColumnData("new", [1])]);

        Assert.Equal([SkipReason.ReferenceOnly, SkipReason.CurrentOnly], report.Skipped.Select(s => s.Reason));
        Assert.Equal(["present in the reference only", "present in the current data only"], report.Skipped.Select(s => s.Description));
    }

    [Fact]
    public void FromColumns_WhenCategoriesLookLikeNumbersOrAreEmpty_KeepsThemCategoriesAsTheRawComparisonDoes()
    {
        ColumnData[] reference = [new CategoricalColumnData("zip", ["10115", "10115", "", "80331", null, "10115", "80331", "20095"])];
        ColumnData[] current = [new CategoricalColumnData("zip", ["80331", "", "", "80331", "20095", null, null, "10115"])];

        var raw = DriftCalculator.Compare(reference, current);
        var profiled = DriftCalculator.Compare(DatasetProfile.FromColumns(reference), DatasetProfile.FromColumns(current));

        var column = Assert.Single(raw.Columns);
        Assert.Equal(ColumnType.Categorical, column.Type);
        Assert.Equal(column, Assert.Single(profiled.Columns));
    }

    [Fact]
    public void DeserializeDataset_WhenWrittenInANewerFormat_RefusesWithTheFormatNumber()
    {
        var json = ProfileJson.Serialize(DatasetProfile.FromColumns(Reference)).Replace("\"format\":1", "\"format\":2", StringComparison.Ordinal);

        var error = Assert.Throws<JsonException>(() => ProfileJson.DeserializeDataset(json));

        Assert.Contains("format 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeDataset_WhenWrittenBeforeFormatNumbers_ReadsIt()
    {
        var profile = DatasetProfile.FromColumns(Reference);
        var json = ProfileJson.Serialize(profile).Replace(",\"format\":1", string.Empty, StringComparison.Ordinal);

        Assert.DoesNotContain("format", json, StringComparison.Ordinal);
        Assert.Equal(ProfileJson.Serialize(profile), ProfileJson.Serialize(ProfileJson.DeserializeDataset(json)));
    }

    [Fact]
    public void TryParse_WhenNullOrUnknown_ReturnsFalse()
    {
        Assert.False(DriftMethods.TryParse(null, out _));
        Assert.False(DriftMethods.TryParse("kolmogorov", out _));
        Assert.True(DriftMethods.TryParse(" KS ", out var method));
        Assert.Equal(DriftMethod.Ks, method);
    }
}
