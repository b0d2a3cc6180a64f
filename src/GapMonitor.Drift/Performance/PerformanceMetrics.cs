namespace GapMonitor.Drift.Performance;

/// <summary>The metric names (scikit-learn's definitions) and which belong to each task.</summary>
public static class PerformanceMetrics
{
    /// <summary>Area under the ROC curve (binary).</summary>
    public const string RocAuc = "roc_auc";

    /// <summary>Share of correct predictions.</summary>
    public const string Accuracy = "accuracy";

    /// <summary>TP / (TP + FP), positive class 1 (binary).</summary>
    public const string Precision = "precision";

    /// <summary>TP / (TP + FN), positive class 1 (binary).</summary>
    public const string Recall = "recall";

    /// <summary>Harmonic mean of precision and recall (binary), or its mean over classes (multiclass, macro).</summary>
    public const string F1 = "f1";

    /// <summary>Mean absolute error (regression).</summary>
    public const string Mae = "mae";

    /// <summary>Root mean squared error (regression).</summary>
    public const string Rmse = "rmse";

    /// <summary>Coefficient of determination (regression).</summary>
    public const string R2 = "r2";

    /// <summary>Every metric of <paramref name="task"/>, in the contract's order.</summary>
    /// <param name="task">The task.</param>
    public static IReadOnlyList<string> Of(PerformanceTask task) => task switch
    {
        PerformanceTask.BinaryClassification => [RocAuc, Accuracy, Precision, Recall, F1],
        PerformanceTask.MulticlassClassification => [Accuracy, F1],
        PerformanceTask.Regression => [Mae, Rmse, R2],
        _ => throw new ArgumentOutOfRangeException(nameof(task)),
    };

    /// <summary>The metric that raises alerts when none is chosen.</summary>
    /// <param name="task">The task.</param>
    public static string DefaultAlerting(PerformanceTask task) => task switch
    {
        PerformanceTask.BinaryClassification => RocAuc,
        PerformanceTask.MulticlassClassification => Accuracy,
        PerformanceTask.Regression => Mae,
        _ => throw new ArgumentOutOfRangeException(nameof(task)),
    };

    /// <summary>The values a metric can take; thresholds are clipped to them.</summary>
    /// <param name="metric">A metric name.</param>
    public static (double Lower, double Upper) Range(string metric) => metric switch
    {
        Mae or Rmse => (0, double.PositiveInfinity),
        R2 => (double.NegativeInfinity, 1),
        RocAuc or Accuracy or Precision or Recall or F1 => (0, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Not a performance metric."),
    };
}
