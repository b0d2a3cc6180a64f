using GapMonitor.Core.Performance;
using GapMonitor.Core.Systems;
using GapMonitor.Drift.Performance;

namespace GapMonitor.Core.Tests.Performance;

/// <summary>How a window's kept predictions are judged: enough rows before an alert, and rows without probabilities left out, not the estimates.</summary>
public class WindowPerformanceEvaluationTests
{
    private static readonly PerformanceSettings Settings = new()
    {
        Task = PerformanceTask.BinaryClassification,
        Prediction = "pred",
        Probability = "proba",
        Target = "y",
        ChunkRows = 20,
        Thresholds = [new PerformanceThreshold("roc_auc", 0.9, null)],
    };

    [Fact]
    public void Evaluate_WithFewerLabeledRowsThanAChunk_ShowsTheMetricsButRaisesNoAlert()
    {
        var predictions = Predictions(labeled: 10, unlabeled: 30);

        var performance = WindowPerformanceEvaluation.Evaluate(Settings, null, predictions);

        Assert.Equal(0.0, performance.Realized![PerformanceMetrics.RocAuc]);
        Assert.Empty(performance.Alerts);
        Assert.Contains("not judged until 20 rows are labeled", performance.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WithAChunkOfLabeledRows_RaisesTheRealizedAlert()
    {
        var performance = WindowPerformanceEvaluation.Evaluate(Settings, null, Predictions(labeled: 20, unlabeled: 0));

        var alert = Assert.Single(performance.Alerts);
        Assert.Equal((PerformanceMetrics.RocAuc, PerformanceAlert.Realized), (alert.Metric, alert.Source));
    }

    [Fact]
    public void Evaluate_WhenOneRowLacksAProbability_LeavesThatRowOutAndKeepsTheMetrics()
    {
        var predictions = Predictions(labeled: 20, unlabeled: 0);
        predictions.Kept.Add(new PredictionRecord("broken", "1", null, "1"));

        var performance = WindowPerformanceEvaluation.Evaluate(Settings, null, predictions);

        Assert.Equal(20L, performance.LabeledRows);
        Assert.NotNull(performance.Realized![PerformanceMetrics.RocAuc]);
        Assert.Contains("1 kept rows without a usable probability", performance.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_OfAWindowWithTooFewLabels_LeavesTheRealizedVerdictAlone()
    {
        var system = new Testing.SystemBuilder().Build() with { Performance = Settings };
        var start = Testing.SystemBuilder.Epoch;
        var performance = WindowPerformanceEvaluation.Evaluate(Settings, null, Predictions(labeled: 10, unlabeled: 0));

        var recorded = PerformanceVerdicts.Record(system, start, start.AddDays(1), performance);

        Assert.Null(recorded.Signals.Performance?.Realized);
    }

    /// <summary>Rows whose labels contradict their scores: realized ROC AUC 0.</summary>
    private static WindowPredictions Predictions(int labeled, int unlabeled)
    {
        var predictions = new WindowPredictions { Rows = labeled + unlabeled };
        for (var i = 0; i < labeled + unlabeled; i++)
        {
            var positive = i % 2 == 0;
            var target = i < labeled ? (positive ? "0" : "1") : null;
            predictions.Kept.Add(new PredictionRecord($"r{i}", positive ? "1" : "0", [positive ? 0.9 - (i * 0.001) : 0.1 + (i * 0.001)], target));
        }

        return predictions;
    }
}
