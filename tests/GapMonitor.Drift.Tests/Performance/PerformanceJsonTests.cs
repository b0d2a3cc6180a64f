using System.Text.Json;
using GapMonitor.Drift.Performance;

namespace GapMonitor.Drift.Tests.Performance;

public class PerformanceJsonTests
{
    private static readonly PerformanceOptions Options = new() { ChunkRows = 100 };

    [Fact]
    public void Write_WhenBinaryWithAlerts_HasTheContractShape()
    {
        var reference = PerformanceCalculator.Fit(Samples.Binary(1000, Samples.CalibratedTarget), Options);
        var options = Options with
        {
            AlertMetrics = ["roc_auc", "f1"],
            Thresholds = new Dictionary<string, MetricThreshold> { ["f1"] = new(0.99, double.PositiveInfinity) },
        };
        var report = PerformanceCalculator.Evaluate(reference, Samples.Binary(200, Samples.CalibratedTarget), options);

        using var json = JsonDocument.Parse(PerformanceJsonWriter.Write(report));

        var root = json.RootElement;
        Assert.Equal(["task", "reference", "current", "alerts", "degraded"], Names(root));
        Assert.Equal("binary-classification", root.GetProperty("task").GetString());
        var referencePart = root.GetProperty("reference");
        Assert.Equal(["rows", "chunks", "metrics", "thresholds"], Names(referencePart));
        Assert.Equal(1000, referencePart.GetProperty("rows").GetInt64());
        Assert.Equal(10, referencePart.GetProperty("chunks").GetInt32());
        Assert.Equal(["roc_auc", "f1"], Names(referencePart.GetProperty("metrics")));
        Assert.Equal(["roc_auc", "f1"], Names(referencePart.GetProperty("thresholds")));
        var f1 = referencePart.GetProperty("thresholds").GetProperty("f1");
        Assert.Equal(0.99, f1.GetProperty("lower").GetDouble());
        Assert.Equal(JsonValueKind.Null, f1.GetProperty("upper").ValueKind);
        var current = root.GetProperty("current");
        Assert.Equal(["rows", "labeledRows", "realized", "estimated"], Names(current));
        Assert.Equal(PerformanceMetrics.Of(PerformanceTask.BinaryClassification), Names(current.GetProperty("realized")));
        Assert.Equal(PerformanceMetrics.Of(PerformanceTask.BinaryClassification), Names(current.GetProperty("estimated")));
        var alert = root.GetProperty("alerts").EnumerateArray().First();
        Assert.Equal(["metric", "source", "value", "lower", "upper"], Names(alert));
        Assert.Equal("f1", alert.GetProperty("metric").GetString());
        Assert.Equal("realized", alert.GetProperty("source").GetString());
        Assert.Equal(report.Current.Realized!["f1"], alert.GetProperty("value").GetDouble());
        Assert.True(root.GetProperty("degraded").GetBoolean());
    }

    [Fact]
    public void Write_WhenRegressionWithoutLabels_RealizedAndEstimatedAreNull()
    {
        var reference = PerformanceCalculator.Fit(Samples.Regression((1, 1.5), (2, 2.5)), Options);
        var report = PerformanceCalculator.Evaluate(reference, Samples.Regression((1, null)), Options);

        using var json = JsonDocument.Parse(PerformanceJsonWriter.Write(report));

        var current = json.RootElement.GetProperty("current");
        Assert.Equal(JsonValueKind.Null, current.GetProperty("realized").ValueKind);
        Assert.Equal(JsonValueKind.Null, current.GetProperty("estimated").ValueKind);
        Assert.Equal(0, current.GetProperty("labeledRows").GetInt64());
        Assert.Equal(["mae"], Names(json.RootElement.GetProperty("reference").GetProperty("metrics")));
        Assert.Empty(Names(json.RootElement.GetProperty("reference").GetProperty("thresholds")));
        Assert.False(json.RootElement.GetProperty("degraded").GetBoolean());
    }

    [Fact]
    public void ReferenceJson_WhenRoundTripped_GivesBackEveryValueExactly()
    {
        var random = new Random(7);
        var sample = new PerformanceSample(PerformanceTask.MulticlassClassification, ["x", "y"], hasProbabilities: true);
        for (var i = 0; i < 700; i++)
        {
            var p = random.NextDouble();
            sample.AddClassification(p >= 0.5 ? 0 : 1, [p, 1 - p], random.NextDouble() < p ? 0 : sample.ClassIndex(i % 50 == 0 ? "z" : "y"));
        }

        var reference = PerformanceCalculator.Fit(sample, Options with { Thresholds = new Dictionary<string, MetricThreshold> { ["f1"] = new(null, 0.7) } });

        var text = PerformanceReferenceJson.Serialize(reference);
        var read = PerformanceReferenceJson.Deserialize(text);

        Assert.Equal(reference.Task, read.Task);
        Assert.Equal(reference.Classes, read.Classes);
        Assert.Equal((reference.Rows, reference.Chunks), (read.Rows, read.Chunks));
        Assert.Equal(reference.Metrics, read.Metrics);
        Assert.Equal(reference.Thresholds, read.Thresholds);
        Assert.Equal(2, read.Calibration.Count);
        for (var c = 0; c < 2; c++)
        {
            Assert.Equal(reference.Calibration[c].X, read.Calibration[c].X);
            Assert.Equal(reference.Calibration[c].Y, read.Calibration[c].Y);
        }

        Assert.Equal(text, PerformanceReferenceJson.Serialize(read));
    }

    [Fact]
    public void ReferenceJson_WhenTheTaskIsUnknown_Throws()
    {
        Assert.Throws<JsonException>(() => PerformanceReferenceJson.Deserialize("""{"task":"ranking"}"""));
    }

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();
}
