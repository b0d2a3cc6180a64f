using System.Text.Json;

namespace GapMonitor.Drift.Tests;

public class ColumnDriftGoldenTests
{
    public static TheoryData<string> Columns() => new(Golden.Section("columns").Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Columns))]
    public void Compare_WhenComparedWithScipy_AgreesOnMethodScoreVerdictAndStatistics(string name)
    {
        var golden = Golden.Section("columns").Single(c => c.GetProperty("name").GetString() == name);
        var expected = golden.GetProperty("expected");
        var options = Options(golden);

        var report = DriftCalculator.Compare([Column(golden, "reference")], [Column(golden, "current")], options);

        var missing = expected.GetProperty("missing");
        if (expected.GetProperty("skipped").GetBoolean())
        {
            var skipped = Assert.Single(report.Skipped);
            Assert.Equal(new MissingCounts(missing.GetProperty("reference").GetInt64(), missing.GetProperty("current").GetInt64()), skipped.Missing);
            Assert.Empty(report.Columns);
            return;
        }

        var column = Assert.Single(report.Columns);
        Assert.Equal(expected.GetProperty("method").GetString(), DriftMethods.Name(column.Method));
        Assert.Equal(expected.GetProperty("threshold").GetDouble(), column.Threshold);
        Assert.Equal(expected.GetProperty("drifted").GetBoolean(), column.Drifted);
        var isTest = DriftMethods.IsTest(column.Method);
        Golden.AssertClose(expected.GetProperty("score").GetDouble(), column.Score, isTest ? Golden.PValueTolerance : Golden.StatisticTolerance, "score");
        Assert.Equal(missing.GetProperty("reference").GetInt64(), column.Missing.Reference);
        Assert.Equal(missing.GetProperty("current").GetInt64(), column.Missing.Current);
        AssertStatistics(expected.GetProperty("statistics"), column.Statistics);
    }

    private static void AssertStatistics(JsonElement expected, DriftStatistics actual)
    {
        Golden.AssertClose(expected.GetProperty("psi").GetDouble(), actual.Psi, Golden.StatisticTolerance, "psi");
        Golden.AssertClose(expected.GetProperty("jensenShannon").GetDouble(), actual.JensenShannon, Golden.StatisticTolerance, "jensenShannon");
        AssertTest(expected, "ks", actual.Ks);
        AssertTest(expected, "chiSquare", actual.ChiSquare);
        AssertTest(expected, "zTest", actual.ZTest);
        AssertOptional(expected, "wasserstein", actual.Wasserstein);
        AssertOptional(expected, "wassersteinNormed", actual.WassersteinNormed);
    }

    private static void AssertTest(JsonElement expected, string name, TestResult? actual)
    {
        if (!expected.TryGetProperty(name, out var test))
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        Golden.AssertClose(Golden.Number(test.GetProperty("statistic")), actual.Value.Statistic, Golden.StatisticTolerance, $"{name} statistic");
        Golden.AssertClose(test.GetProperty("pValue").GetDouble(), actual.Value.PValue, Golden.PValueTolerance, $"{name} p-value");
    }

    private static void AssertOptional(JsonElement expected, string name, double? actual)
    {
        if (!expected.TryGetProperty(name, out var value))
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        Golden.AssertClose(value.GetDouble(), actual.Value, Golden.StatisticTolerance, name);
    }

    private static ColumnData Column(JsonElement golden, string side) => golden.GetProperty("type").GetString() == "numeric"
        ? new NumericColumnData("x", Golden.Numbers(golden.GetProperty(side)))
        : new CategoricalColumnData("x", Golden.Strings(golden.GetProperty(side)));

    private static DriftOptions Options(JsonElement golden)
    {
        var methods = new Dictionary<string, DriftMethod>();
        var thresholds = new Dictionary<string, double>();
        if (golden.GetProperty("method").GetString() is { } method && DriftMethods.TryParse(method, out var parsed))
        {
            methods["x"] = parsed;
        }

        if (golden.GetProperty("threshold").ValueKind == JsonValueKind.Number)
        {
            thresholds["x"] = golden.GetProperty("threshold").GetDouble();
        }

        return new DriftOptions { Methods = methods, Thresholds = thresholds };
    }
}
