using System.Text.Json;
using GapMonitor.Core.Telemetry;
using GapMonitor.Drift.Profiles;

namespace GapMonitor.Core.Tests.Telemetry;

public class ColumnValueTests
{
    [Fact]
    public void Add_WhenNumber_ProfilesTheNumber()
    {
        var column = new ColumnProfile("x");

        ColumnValue.Add(column, TelemetryValueKind.Number, 2.5, null);

        Assert.Equal(1, column.NumericCount);
        Assert.Equal(2.5, column.Mean);
    }

    [Theory]
    [InlineData(1, "True")]
    [InlineData(0, "False")]
    public void Add_WhenBoolean_ProfilesTheCategoryTrueOrFalse(double number, string expected)
    {
        var column = new ColumnProfile("x");

        ColumnValue.Add(column, TelemetryValueKind.Boolean, number, number != 0 ? "true" : "false");

        Assert.Equal(1, column.TopCategories[expected]);
    }

    [Theory]
    [InlineData(TelemetryValueKind.String)]
    [InlineData(TelemetryValueKind.Other)]
    public void Add_WhenTextLongerThanMaxValue_ProfilesItCut(TelemetryValueKind kind)
    {
        var column = new ColumnProfile("x");

        ColumnValue.Add(column, kind, double.NaN, new string('a', TelemetryText.MaxValue + 50));

        var category = Assert.Single(column.TopCategories.Keys);
        Assert.Equal(TelemetryText.Truncate(new string('a', TelemetryText.MaxValue + 50), TelemetryText.MaxValue), category);
        Assert.True(category.Length <= TelemetryText.MaxValue);
    }

    [Theory]
    [InlineData(TelemetryValueKind.Null)]
    [InlineData(TelemetryValueKind.Missing)]
    public void Add_WhenNullOrMissing_CountsAMissingValue(TelemetryValueKind kind)
    {
        var column = new ColumnProfile("x");

        ColumnValue.Add(column, kind, double.NaN, null);

        Assert.Equal(1, column.Missing);
        Assert.Equal(0, column.Count);
    }

    [Fact]
    public void TelemetryRowFold_WhenJsonRow_FoldsEachValueByTheSameRule()
    {
        var profile = new DatasetProfile();
        using var document = JsonDocument.Parse("""{"n":3,"s":"red","b":true,"z":null,"o":{"k":1}}""");
        var row = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());

        TelemetryRow.Fold(profile, row);

        Assert.Equal(1, profile.Rows);
        Assert.Equal(3, profile.Column("n").Mean);
        Assert.Equal(1, profile.Column("s").TopCategories["red"]);
        Assert.Equal(1, profile.Column("b").TopCategories["True"]);
        Assert.Equal(1, profile.Column("z").Missing);
        Assert.Equal(1, profile.Column("o").TopCategories["""{"k":1}"""]);
    }
}
