using GapMonitor.Drift.Performance;

namespace GapMonitor.Drift.Tests.Performance;

/// <summary>Edge cases and argument checks of the engine; the golden tests cover the numbers.</summary>
public class PerformanceCalculatorTests
{
    private static readonly PerformanceOptions Options = new() { ChunkRows = 100 };

    [Fact]
    public void Realized_WhenRegressionErrorsOverflowADouble_LeavesThoseMetricsUndefined()
    {
        var sample = new PerformanceSample(PerformanceTask.Regression, [], hasProbabilities: false);
        sample.AddRegression(1e200, -1e200);
        sample.AddRegression(-1e200, 1e200);

        var realized = PerformanceCalculator.Realized(sample)!;

        Assert.Equal(2e200, realized[PerformanceMetrics.Mae]);
        Assert.Null(realized[PerformanceMetrics.Rmse]);
        Assert.Null(realized[PerformanceMetrics.R2]);
    }

    [Fact]
    public void Realized_WhenNoRowHasATarget_IsNull()
    {
        var sample = Samples.Binary((1, 0.9, null), (0, 0.1, null));

        Assert.Null(PerformanceCalculator.Realized(sample));
    }

    [Fact]
    public void Realized_WhenRegression_ComputesMaeRmseAndR2OnLabeledRowsOnly()
    {
        var sample = Samples.Regression((1, 1), (2, 3), (100, null), (3, 5));

        var realized = PerformanceCalculator.Realized(sample)!;

        Assert.Equal(1.0, realized[PerformanceMetrics.Mae]);
        Assert.Equal(Math.Sqrt(5.0 / 3), realized[PerformanceMetrics.Rmse]);
        Assert.Equal(1 - (5.0 / 8), realized[PerformanceMetrics.R2]);
    }

    [Fact]
    public void Realized_WhenBinaryWithOneClass_LeavesRocAucUndefinedAndKeepsTheOthers()
    {
        var sample = Samples.Binary((1, 0.9, 1), (0, 0.2, 1));

        var realized = PerformanceCalculator.Realized(sample)!;

        Assert.Null(realized[PerformanceMetrics.RocAuc]);
        Assert.Equal(0.5, realized[PerformanceMetrics.Accuracy]);
        Assert.Equal(1.0, realized[PerformanceMetrics.Precision]);
        Assert.Equal(0.5, realized[PerformanceMetrics.Recall]);
    }

    [Fact]
    public void Fit_WhenChunkRowsIsBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            PerformanceCalculator.Fit(Samples.Binary(10, Samples.CalibratedTarget), new PerformanceOptions { ChunkRows = 0 }));
    }

    [Fact]
    public void Fit_WhenAGivenThresholdIsNotAMetricOfTheTask_ThrowsNamingIt()
    {
        var options = Options with { Thresholds = new Dictionary<string, MetricThreshold> { ["mae"] = new(null, 1) } };

        var error = Assert.Throws<ArgumentException>(() => PerformanceCalculator.Fit(Samples.Binary(10, Samples.CalibratedTarget), options));

        Assert.Contains("'mae'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_WhenFewerThanTwoChunks_HasOnlyTheGivenThresholds()
    {
        var options = Options with { Thresholds = new Dictionary<string, MetricThreshold> { ["f1"] = new(0.5, null) } };

        var reference = PerformanceCalculator.Fit(Samples.Binary(199, Samples.CalibratedTarget), options);

        Assert.Equal(1, reference.Chunks);
        Assert.Equal(["f1"], reference.Thresholds.Keys);
        Assert.Equal(new MetricThreshold(0.5, null), reference.Thresholds["f1"]);
    }

    [Fact]
    public void Fit_WhenThresholdsAreGiven_TheyReplaceTheDerivedOnesOfTheirMetricOnly()
    {
        var options = Options with { Thresholds = new Dictionary<string, MetricThreshold> { ["roc_auc"] = new(0.99, null) } };

        var reference = PerformanceCalculator.Fit(Samples.Binary(1000, Samples.CalibratedTarget), options);

        Assert.Equal(10, reference.Chunks);
        Assert.Equal(new MetricThreshold(0.99, null), reference.Thresholds["roc_auc"]);
        Assert.Equal(PerformanceMetrics.Of(PerformanceTask.BinaryClassification).Order(), reference.Thresholds.Keys.Order());
        Assert.All(reference.Thresholds.Where(t => t.Key != "roc_auc"), t => Assert.InRange(t.Value.Lower!.Value, 0, t.Value.Upper!.Value));
    }

    [Fact]
    public void Fit_WhenTheReferenceHasNoLabels_HasNoCalibrationAndUndefinedMetrics()
    {
        var reference = PerformanceCalculator.Fit(Samples.Binary(300, _ => null), Options);

        Assert.Empty(reference.Calibration);
        Assert.Empty(reference.Thresholds);
        Assert.All(reference.Metrics.Values, Assert.Null);
        Assert.Null(PerformanceCalculator.Estimate(reference, Samples.Binary(10, _ => null)));
    }

    [Fact]
    public void Estimate_WhenRegressionOrWithoutProbabilities_IsNull()
    {
        var regression = PerformanceCalculator.Fit(Samples.Regression((1, 1), (2, 2)), Options);
        var reference = PerformanceCalculator.Fit(Samples.Binary(300, Samples.CalibratedTarget), Options);
        var withoutProbabilities = new PerformanceSample(PerformanceTask.BinaryClassification, [], hasProbabilities: false);
        withoutProbabilities.AddClassification(1, [], null);

        Assert.Null(PerformanceCalculator.Estimate(regression, Samples.Regression((1, null))));
        Assert.Null(PerformanceCalculator.Estimate(reference, withoutProbabilities));
    }

    [Fact]
    public void Estimate_WhenTheTasksDiffer_ThrowsNamingBoth()
    {
        var reference = PerformanceCalculator.Fit(Samples.Binary(300, Samples.CalibratedTarget), Options);

        var error = Assert.Throws<ArgumentException>(() => PerformanceCalculator.Estimate(reference, Samples.Regression((1, null))));

        Assert.Contains(PerformanceTasks.Binary, error.Message, StringComparison.Ordinal);
        Assert.Contains(PerformanceTasks.Regression, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_WhenNoRows_EveryMetricIsUndefined()
    {
        var reference = PerformanceCalculator.Fit(Samples.Binary(300, Samples.CalibratedTarget), Options);

        var estimated = PerformanceCalculator.Estimate(reference, Samples.Binary())!;

        Assert.Equal(PerformanceMetrics.Of(PerformanceTask.BinaryClassification).Order(), estimated.Keys.Order());
        Assert.All(estimated.Values, Assert.Null);
    }

    [Fact]
    public void Estimate_WhenEveryCalibratedProbabilityIsZero_AreaIsUndefinedAndPrecisionZero()
    {
        var reference = PerformanceCalculator.Fit(Samples.Binary(300, _ => 0), Options);

        var estimated = PerformanceCalculator.Estimate(reference, Samples.Binary(50, _ => null))!;

        Assert.Null(estimated[PerformanceMetrics.RocAuc]);
        Assert.Equal(0.0, estimated[PerformanceMetrics.Precision]);
        Assert.Equal(0.0, estimated[PerformanceMetrics.Recall]);
        Assert.Equal(0.5, estimated[PerformanceMetrics.Accuracy]);
    }

    [Fact]
    public void Estimate_WhenMulticlassRowsCalibrateToZero_TheyCountAsUniform()
    {
        var reference = Multiclass(["a", "b", "c"]);
        for (var i = 0; i < 30; i++)
        {
            reference.AddClassification(i % 3, [0.5, 0.3, 0.2], reference.ClassIndex("d"));
        }

        var current = Multiclass(["a", "b", "c"]);
        current.AddClassification(0, [0.9, 0.05, 0.05], null);
        current.AddClassification(current.ClassIndex("e"), [0.1, 0.1, 0.8], null);

        var estimated = PerformanceCalculator.Estimate(PerformanceCalculator.Fit(reference, Options), current)!;

        Assert.Equal((1.0 / 3) / 2, estimated[PerformanceMetrics.Accuracy]!.Value, 12);
    }

    [Fact]
    public void Estimate_WhenMulticlassProbabilityClassesDiffer_Throws()
    {
        var reference = Multiclass(["a", "b"]);
        reference.AddClassification(0, [0.6, 0.4], 0);
        var current = Multiclass(["b", "a"]);
        current.AddClassification(0, [0.6, 0.4], null);

        Assert.Throws<ArgumentException>(() => PerformanceCalculator.Estimate(PerformanceCalculator.Fit(reference, Options), current));
    }

    [Fact]
    public void Evaluate_WhenAnAlertMetricIsNotOfTheTask_ThrowsNamingIt()
    {
        var reference = PerformanceCalculator.Fit(Samples.Binary(300, Samples.CalibratedTarget), Options);

        var error = Assert.Throws<ArgumentException>(() =>
            PerformanceCalculator.Evaluate(reference, Samples.Binary(10, _ => null), Options with { AlertMetrics = ["roc_auc", "rmse"] }));

        Assert.Contains("'rmse'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WhenNoAlertMetricIsChosen_AlertsOnTheTaskDefault()
    {
        var reference = PerformanceCalculator.Fit(Samples.Binary(300, Samples.CalibratedTarget), Options);

        var report = PerformanceCalculator.Evaluate(reference, Samples.Binary(10, _ => null), Options);

        Assert.Equal([PerformanceMetrics.RocAuc], report.AlertMetrics);
    }

    [Fact]
    public void Evaluate_WhenRealizedAndEstimatedFallOutside_AlertsRealizedFirstAndGivenThresholdsWin()
    {
        var reference = PerformanceCalculator.Fit(Samples.Binary(1000, Samples.CalibratedTarget), Options);
        var current = Samples.Binary(200, i => 1 - Samples.CalibratedTarget(i));
        var options = Options with
        {
            AlertMetrics = ["accuracy", "roc_auc"],
            Thresholds = new Dictionary<string, MetricThreshold> { ["accuracy"] = new(0.9, null) },
        };

        var report = PerformanceCalculator.Evaluate(reference, current, options);

        Assert.True(report.Degraded);
        Assert.Equal(new MetricThreshold(0.9, null), report.Reference.Thresholds["accuracy"]);
        Assert.Equal(reference.Thresholds["roc_auc"], report.Reference.Thresholds["roc_auc"]);
        Assert.Equal(
            [("accuracy", "realized"), ("roc_auc", "realized"), ("accuracy", "estimated")],
            report.Alerts.Select(a => (a.Metric, a.Source)));
        var accuracy = report.Alerts[0];
        Assert.Equal(report.Current.Realized![PerformanceMetrics.Accuracy], accuracy.Value);
        Assert.Equal((0.9, (double?)null), (accuracy.Lower!.Value, accuracy.Upper));
        Assert.Equal(200, report.Current.Rows);
        Assert.Equal(200, report.Current.LabeledRows);
    }

    [Fact]
    public void Evaluate_WhenTheCurrentRowsMatchTheReference_RaisesNothing()
    {
        var reference = PerformanceCalculator.Fit(Samples.Binary(1000, Samples.CalibratedTarget), Options);

        var report = PerformanceCalculator.Evaluate(
            reference, Samples.Binary(500, Samples.CalibratedTarget), Options with { AlertMetrics = PerformanceMetrics.Of(PerformanceTask.BinaryClassification) });

        Assert.False(report.Degraded);
        Assert.Empty(report.Alerts);
        Assert.NotNull(report.Current.Estimated);
    }

    private static PerformanceSample Multiclass(string[] classes) =>
        new(PerformanceTask.MulticlassClassification, classes, hasProbabilities: true);
}
