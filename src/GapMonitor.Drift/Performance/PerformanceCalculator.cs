namespace GapMonitor.Drift.Performance;

/// <summary>
/// Realized metrics (scikit-learn's definitions), label-free estimates (isotonic calibration on the reference, then the
/// expected confusion matrix and ROC AUC) and reference-chunk thresholds, as <c>API.md</c> "Concept drift" defines them.
/// The same engine serves <c>gapmonitor performance</c> and the service.
/// </summary>
public static class PerformanceCalculator
{
    /// <summary>Every metric of the task on the rows that have a target; null when none has.</summary>
    /// <param name="sample">The rows.</param>
    public static IReadOnlyDictionary<string, double?>? Realized(PerformanceSample sample) => throw new NotImplementedException();

    /// <summary>Fits the reference: its metrics, chunk thresholds (or the given ones) and calibration. O(n log n).</summary>
    /// <param name="reference">The reference rows (with targets).</param>
    /// <param name="options">Chunk size and given thresholds.</param>
    public static PerformanceReference Fit(PerformanceSample reference, PerformanceOptions options) => throw new NotImplementedException();

    /// <summary>Label-free estimates of the current rows; null for regression, without probabilities or without calibration. O(rows).</summary>
    /// <param name="reference">The fitted reference.</param>
    /// <param name="current">The current rows.</param>
    public static IReadOnlyDictionary<string, double?>? Estimate(PerformanceReference reference, PerformanceSample current) => throw new NotImplementedException();

    /// <summary>Realized and estimated metrics of the current rows and the alerts they raise.</summary>
    /// <param name="reference">The fitted reference.</param>
    /// <param name="current">The current rows.</param>
    /// <param name="options">Which metrics raise alerts.</param>
    public static PerformanceReport Evaluate(PerformanceReference reference, PerformanceSample current, PerformanceOptions options) =>
        throw new NotImplementedException();
}
