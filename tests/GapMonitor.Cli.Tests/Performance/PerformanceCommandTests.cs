using System.Text;
using System.Text.Json;

namespace GapMonitor.Cli.Tests.Performance;

public sealed class PerformanceCommandTests : IDisposable
{
    private const double Tolerance = 1e-12;
    private readonly PerformanceCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Performance_WhenFormatJson_WritesTheContractShape()
    {
        var (reference, current) = WriteBinaryPair();

        var (exit, output, error) = await _cli.RunAsync(Binary(reference, current, "--format", "json"));

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("binary-classification", root.GetProperty("task").GetString());
        var referencePart = root.GetProperty("reference");
        Assert.Equal(20, referencePart.GetProperty("rows").GetInt64());
        Assert.Equal(2, referencePart.GetProperty("chunks").GetInt32());
        Assert.Equal(["roc_auc"], referencePart.GetProperty("metrics").EnumerateObject().Select(p => p.Name));
        Assert.Equal(1.0, referencePart.GetProperty("metrics").GetProperty("roc_auc").GetDouble());
        var threshold = referencePart.GetProperty("thresholds").GetProperty("roc_auc");
        Assert.Equal(1.0, threshold.GetProperty("lower").GetDouble());
        Assert.Equal(1.0, threshold.GetProperty("upper").GetDouble());
        var currentPart = root.GetProperty("current");
        Assert.Equal(4, currentPart.GetProperty("rows").GetInt64());
        Assert.Equal(4, currentPart.GetProperty("labeledRows").GetInt64());
        var realized = currentPart.GetProperty("realized");
        Assert.Equal(["roc_auc", "accuracy", "precision", "recall", "f1"], realized.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1.0, realized.GetProperty("roc_auc").GetDouble(), Tolerance);
        Assert.Equal(0.75, realized.GetProperty("accuracy").GetDouble(), Tolerance);
        Assert.Equal(0.5, realized.GetProperty("precision").GetDouble(), Tolerance);
        Assert.Equal(1.0, realized.GetProperty("recall").GetDouble(), Tolerance);
        Assert.Equal(2.0 / 3, realized.GetProperty("f1").GetDouble(), Tolerance);
        var estimated = currentPart.GetProperty("estimated");
        Assert.Equal(["roc_auc", "accuracy", "precision", "recall", "f1"], estimated.EnumerateObject().Select(p => p.Name));
        // Calibrated on the reference: 0.2 → 0, 0.8 → 1, linear between, clipped outside; so q = 1, 0, 2/3, 0:
        // TP = 5/3, FP = 1/3, FN = 0, TN = 2, and the ROC points (0, 0), (0, 0.6), (1/7, 1), (1, 1).
        Assert.Equal(11.0 / 12, estimated.GetProperty("accuracy").GetDouble(), Tolerance);
        Assert.Equal(5.0 / 6, estimated.GetProperty("precision").GetDouble(), Tolerance);
        Assert.Equal(6.8 / 7, estimated.GetProperty("roc_auc").GetDouble(), Tolerance);
        var alert = Assert.Single(root.GetProperty("alerts").EnumerateArray());
        Assert.Equal("roc_auc", alert.GetProperty("metric").GetString());
        Assert.Equal("estimated", alert.GetProperty("source").GetString());
        Assert.Equal(6.8 / 7, alert.GetProperty("value").GetDouble(), Tolerance);
        Assert.Equal(1.0, alert.GetProperty("lower").GetDouble());
        Assert.Equal(1.0, alert.GetProperty("upper").GetDouble());
        Assert.True(root.GetProperty("degraded").GetBoolean());
    }

    [Fact]
    public async Task Performance_WhenCurrentHasNoTargetColumn_RealizedIsNullAndEstimatesRemain()
    {
        var reference = _cli.Write("reference.csv", BinaryReference());
        var current = _cli.Write("current.csv", "pred,proba\n1,0.9\n0,0.2\n1,0.6\n0,0.1\n");

        var (exit, output, _) = await _cli.RunAsync(Binary(reference, current, "--format", "json"));

        Assert.Equal(0, exit);
        var part = JsonDocument.Parse(output).RootElement.GetProperty("current");
        Assert.Equal(0, part.GetProperty("labeledRows").GetInt64());
        Assert.Equal(JsonValueKind.Null, part.GetProperty("realized").ValueKind);
        Assert.Equal(JsonValueKind.Object, part.GetProperty("estimated").ValueKind);
    }

    [Fact]
    public async Task Performance_WhenLabelsAreTrueFalseOrDecimals_ReadsThemAsZeroAndOne()
    {
        var reference = _cli.Write("reference.csv", BinaryReference().Replace(",1\n", ",1.0\n", StringComparison.Ordinal).Replace(",0\n", ",0.0\n", StringComparison.Ordinal));
        var current = _cli.Write("current.csv", "pred,proba,y\ntrue,0.9,TRUE\nfalse,0.2,false\n1,0.6,false\n0.0,0.1,0\n");

        var (exit, output, error) = await _cli.RunAsync(Binary(reference, current, "--format", "json"));

        Assert.True(exit == 0, error);
        var realized = JsonDocument.Parse(output).RootElement.GetProperty("current").GetProperty("realized");
        Assert.Equal(0.75, realized.GetProperty("accuracy").GetDouble(), Tolerance);
        Assert.Equal(0.5, realized.GetProperty("precision").GetDouble(), Tolerance);
    }

    [Fact]
    public async Task Performance_WhenAnAlertingMetricLeavesItsThresholds_ReportsTheAlertAndExits4WithFailOnDegradation()
    {
        var (reference, current) = WriteBinaryPair();
        string[] args = [.. Binary(reference, current, "--format", "json"), "--metric", "accuracy", "--metric", "roc_auc"];

        var (failing, json, _) = await _cli.RunAsync([.. args, "--fail-on-degradation"]);
        var (lenient, _, _) = await _cli.RunAsync(args);

        Assert.Equal(4, failing);
        Assert.Equal(0, lenient);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.True(root.GetProperty("degraded").GetBoolean());
        Assert.Equal(["accuracy", "roc_auc"], root.GetProperty("reference").GetProperty("metrics").EnumerateObject().Select(p => p.Name));
        var alerts = root.GetProperty("alerts").EnumerateArray().ToList();
        Assert.Equal(
            ["realized accuracy", "estimated accuracy", "estimated roc_auc"],
            alerts.Select(a => $"{a.GetProperty("source").GetString()} {a.GetProperty("metric").GetString()}"));
        Assert.Equal(0.75, alerts[0].GetProperty("value").GetDouble(), Tolerance);
        Assert.Equal(1.0, alerts[0].GetProperty("lower").GetDouble());
        Assert.Equal(1.0, alerts[0].GetProperty("upper").GetDouble());
    }

    [Fact]
    public async Task Performance_WhenNotDegradedAndFailOnDegradation_Exits0()
    {
        var (reference, current) = WriteBinaryPair();

        var (exit, _, _) = await _cli.RunAsync([.. Binary(reference, current), "--metric", "recall", "--fail-on-degradation"]);

        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task Performance_WhenFormatTable_ShowsEveryMetricAndHighlightsTheAlerts()
    {
        var (reference, current) = WriteBinaryPair();

        var (exit, output, _) = await _cli.RunAsync([.. Binary(reference, current), "--metric", "accuracy"]);

        Assert.Equal(0, exit);
        foreach (var metric in new[] { "roc_auc", "accuracy", "precision", "recall", "f1" })
        {
            Assert.Contains(metric, output, StringComparison.Ordinal);
        }

        var accuracy = output.Split('\n').Single(line => line.Contains("accuracy", StringComparison.Ordinal) && line.Contains('│', StringComparison.Ordinal));
        Assert.Contains("0.75", accuracy, StringComparison.Ordinal);
        Assert.Contains("DEGRADED, AT RISK", accuracy, StringComparison.Ordinal);
        Assert.Contains("20 rows, 2 chunks", output, StringComparison.Ordinal);
        Assert.Contains("4 labeled", output, StringComparison.Ordinal);
        Assert.Contains("Performance degraded: accuracy (realized 0.75)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Performance_WhenFormatTableAndNothingDegraded_SaysSo()
    {
        var (reference, current) = WriteBinaryPair();

        var (exit, output, _) = await _cli.RunAsync([.. Binary(reference, current), "--metric", "recall"]);

        Assert.Equal(0, exit);
        Assert.Contains("No performance degradation: recall within the thresholds.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("DEGRADED", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Performance_Multiclass_TakesTheClassesFromTheReferencesProbabilityColumns()
    {
        var reference = new StringBuilder("pred,proba_a,proba_b,proba_c,y\n");
        for (var i = 0; i < 30; i++)
        {
            var label = "abc"[i % 3];
            reference.Append(label).Append(',').Append(string.Join(",", "abc".Select(c => c == label ? "0.8" : "0.1"))).Append(',').Append(label).Append('\n');
        }

        var referencePath = _cli.Write("reference.csv", reference.ToString());
        // Columns in another order than the reference's: they are found by name.
        var current = _cli.Write("current.csv", "y,proba_c,proba_b,proba_a,pred\na,0.1,0.1,0.8,a\nb,0.1,0.8,0.1,b\nc,0.8,0.1,0.1,c\nb,0.1,0.1,0.8,a\n");

        var (exit, output, error) = await _cli.RunAsync(
            "--reference", referencePath, "--current", current, "--task", "multiclass-classification", "--prediction", "pred",
            "--probability-prefix", "proba_", "--target", "y", "--chunk-rows", "10", "--format", "json");

        Assert.True(exit == 0, error);
        var part = JsonDocument.Parse(output).RootElement.GetProperty("current");
        var realized = part.GetProperty("realized");
        Assert.Equal(["accuracy", "f1"], realized.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.75, realized.GetProperty("accuracy").GetDouble(), Tolerance);
        Assert.Equal(((2.0 / 3) + (2.0 / 3) + 1) / 3, realized.GetProperty("f1").GetDouble(), Tolerance);
        // Calibrated on a reference where 0.8 always meant the class and 0.1 never did: each row's predicted class is certain.
        Assert.Equal(1.0, part.GetProperty("estimated").GetProperty("accuracy").GetDouble(), Tolerance);
    }

    [Fact]
    public async Task Performance_Regression_ComputesErrorsAndNoEstimates()
    {
        var reference = _cli.Write("reference.csv", "pred,y\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"{i},{i + 0.5}\n")));
        var current = _cli.Write("current.csv", "pred,y\n1,1\n2,2\n3,\n3,3\n4,8\n");

        var (exit, output, error) = await _cli.RunAsync(
            "--reference", reference, "--current", current, "--task", "regression", "--prediction", "pred", "--target", "y", "--chunk-rows", "10", "--format", "json");

        Assert.True(exit == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(0.5, root.GetProperty("reference").GetProperty("metrics").GetProperty("mae").GetDouble(), Tolerance);
        var part = root.GetProperty("current");
        Assert.Equal(5, part.GetProperty("rows").GetInt64());
        Assert.Equal(4, part.GetProperty("labeledRows").GetInt64());
        var realized = part.GetProperty("realized");
        Assert.Equal(1.0, realized.GetProperty("mae").GetDouble(), Tolerance);
        Assert.Equal(2.0, realized.GetProperty("rmse").GetDouble(), Tolerance);
        Assert.Equal(1 - (16.0 / 29), realized.GetProperty("r2").GetDouble(), Tolerance);
        Assert.Equal(JsonValueKind.Null, part.GetProperty("estimated").ValueKind);
    }

    internal static string[] Binary(string reference, string current, params string[] more) =>
    [
        "--reference", reference, "--current", current, "--task", "binary-classification", "--prediction", "pred",
        "--probability", "proba", "--target", "y", "--chunk-rows", "10", .. more,
    ];

    /// <summary>20 rows, always right: class 1 with probability 0.8, class 0 with 0.2.</summary>
    internal static string BinaryReference() =>
        "pred,proba,y\n" + string.Concat(Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? "1,0.8,1\n" : "0,0.2,0\n"));

    /// <summary>The reference and 4 current rows with accuracy 0.75 (one false positive), recall 1 and ROC AUC 1.</summary>
    private (string Reference, string Current) WriteBinaryPair() =>
        (_cli.Write("reference.csv", BinaryReference()), _cli.Write("current.csv", "pred,proba,y\n1,0.9,1\n0,0.2,0\n1,0.6,0\n0,0.1,0\n"));
}
