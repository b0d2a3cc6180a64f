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
    public static IReadOnlyDictionary<string, double?>? Realized(PerformanceSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return RealizedMetrics.Compute(sample, 0, sample.Count);
    }

    /// <summary>
    /// Fits the reference: its metrics, chunk thresholds (every metric of the task; given ones replace them) and
    /// calibration. O(n log n).
    /// </summary>
    /// <param name="reference">The reference rows (with targets).</param>
    /// <param name="options">Chunk size and given thresholds.</param>
    public static PerformanceReference Fit(PerformanceSample reference, PerformanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChunkRows, 1, nameof(options));
        ValidateThresholds(reference.Task, options.Thresholds);
        var metrics = RealizedMetrics.Compute(reference, 0, reference.Count)
            ?? PerformanceMetrics.Of(reference.Task).ToDictionary(m => m, _ => (double?)null, StringComparer.Ordinal);
        var chunks = reference.Count / options.ChunkRows;
        var thresholds = ChunkThresholds.Derive(reference, options.ChunkRows, chunks);
        foreach (var (metric, given) in options.Thresholds)
        {
            thresholds[metric] = given;
        }

        return new PerformanceReference(
            reference.Task,
            [.. reference.Classes],
            reference.Count,
            chunks,
            metrics,
            thresholds,
            Calibrate(reference));
    }

    /// <summary>Label-free estimates of the current rows; null for regression, without probabilities or without calibration. O(rows).</summary>
    /// <param name="reference">The fitted reference.</param>
    /// <param name="current">The current rows.</param>
    public static IReadOnlyDictionary<string, double?>? Estimate(PerformanceReference reference, PerformanceSample current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        if (reference.Task != current.Task)
        {
            throw new ArgumentException(
                $"The current rows are of a {PerformanceTasks.Name(current.Task)} model, the reference of a {PerformanceTasks.Name(reference.Task)} one.",
                nameof(current));
        }

        if (current.Task == PerformanceTask.Regression || current.ProbabilityClasses == 0 || reference.Calibration.Count == 0)
        {
            return null;
        }

        if (current.Task == PerformanceTask.BinaryClassification)
        {
            return EstimatedMetrics.Binary(reference.Calibration[0], current);
        }

        if (current.ProbabilityClasses != reference.Calibration.Count
            || !current.Classes.Take(current.ProbabilityClasses).SequenceEqual(reference.Classes.Take(reference.Calibration.Count), StringComparer.Ordinal))
        {
            throw new ArgumentException(
                "The current rows' probability classes differ from the reference's: "
                + $"[{string.Join(", ", current.Classes.Take(current.ProbabilityClasses))}] against [{string.Join(", ", reference.Classes.Take(reference.Calibration.Count))}].",
                nameof(current));
        }

        return EstimatedMetrics.Multiclass(reference.Calibration, current);
    }

    /// <summary>
    /// Realized and estimated metrics of the current rows and the alerts they raise: each alert metric (default: the
    /// task's <see cref="PerformanceMetrics.DefaultAlerting"/>) whose realized, then estimated, value lies outside its
    /// threshold. The report's <see cref="PerformanceReport.Reference"/> carries the thresholds used: the reference's,
    /// replaced per metric by <see cref="PerformanceOptions.Thresholds"/>.
    /// </summary>
    /// <param name="reference">The fitted reference.</param>
    /// <param name="current">The current rows.</param>
    /// <param name="options">Which metrics raise alerts, and given thresholds.</param>
    /// <exception cref="ArgumentException">An alert metric or a given threshold's metric is not one of the task's, or the current rows do not fit the reference.</exception>
    public static PerformanceReport Evaluate(PerformanceReference reference, PerformanceSample current, PerformanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        var alertMetrics = AlertMetrics(reference.Task, options.AlertMetrics);
        ValidateThresholds(reference.Task, options.Thresholds);
        var thresholds = new Dictionary<string, MetricThreshold>(reference.Thresholds, StringComparer.Ordinal);
        foreach (var (metric, given) in options.Thresholds)
        {
            thresholds[metric] = given;
        }

        var realized = Realized(current);
        var estimated = Estimate(reference, current);
        var alerts = new List<PerformanceAlert>();
        AddAlerts(alerts, PerformanceAlert.Realized, realized, alertMetrics, thresholds);
        AddAlerts(alerts, PerformanceAlert.Estimated, estimated, alertMetrics, thresholds);
        return new PerformanceReport(
            reference with { Thresholds = thresholds },
            new CurrentPerformance(current.Count, current.LabeledCount, realized, estimated),
            alertMetrics,
            alerts);
    }

    private static void AddAlerts(
        List<PerformanceAlert> alerts,
        string source,
        IReadOnlyDictionary<string, double?>? values,
        IReadOnlyList<string> alertMetrics,
        Dictionary<string, MetricThreshold> thresholds)
    {
        if (values is null)
        {
            return;
        }

        foreach (var metric in alertMetrics)
        {
            if (values.GetValueOrDefault(metric) is { } value
                && thresholds.TryGetValue(metric, out var threshold)
                && threshold.IsOutside(value))
            {
                alerts.Add(new PerformanceAlert(metric, source, value, threshold.Lower, threshold.Upper));
            }
        }
    }

    private static List<string> AlertMetrics(PerformanceTask task, IReadOnlyList<string> chosen)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        if (chosen.Count == 0)
        {
            return [PerformanceMetrics.DefaultAlerting(task)];
        }

        var metrics = new List<string>(chosen.Count);
        foreach (var metric in chosen)
        {
            RequireMetricOf(task, metric, "options");
            if (!metrics.Contains(metric, StringComparer.Ordinal))
            {
                metrics.Add(metric);
            }
        }

        return metrics;
    }

    private static void ValidateThresholds(PerformanceTask task, IReadOnlyDictionary<string, MetricThreshold> thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        foreach (var (metric, threshold) in thresholds)
        {
            RequireMetricOf(task, metric, "options");
            if (threshold is null || threshold.Lower is double.NaN || threshold.Upper is double.NaN)
            {
                throw new ArgumentException($"The threshold of '{metric}' is missing or not a number.", "options");
            }
        }
    }

    private static void RequireMetricOf(PerformanceTask task, string metric, string parameter)
    {
        if (metric is null || !PerformanceMetrics.Of(task).Contains(metric, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"'{metric}' is not a metric of a {PerformanceTasks.Name(task)} model (its metrics: {string.Join(", ", PerformanceMetrics.Of(task))}).",
                parameter);
        }
    }

    /// <summary>Binary: one calibrator of P(class 1); multiclass: one per probability class, one-vs-rest.</summary>
    private static List<IsotonicCalibrator> Calibrate(PerformanceSample reference)
    {
        var calibration = new List<IsotonicCalibrator>();
        var k = reference.ProbabilityClasses;
        if (reference.Task == PerformanceTask.Regression || k == 0 || reference.LabeledCount == 0)
        {
            return calibration;
        }

        var targets = reference.TargetSpan;
        var probabilities = reference.ProbabilitySpan;
        var labeled = new double[reference.LabeledCount];
        var outcomes = new double[reference.LabeledCount];
        var positiveClasses = reference.Task == PerformanceTask.BinaryClassification ? [1] : Enumerable.Range(0, k).ToArray();
        for (var c = 0; c < positiveClasses.Length; c++)
        {
            var at = 0;
            for (var row = 0; row < targets.Length; row++)
            {
                if (double.IsNaN(targets[row]))
                {
                    continue;
                }

                labeled[at] = probabilities[(row * k) + c];
                outcomes[at] = targets[row] == positiveClasses[c] ? 1 : 0;
                at++;
            }

            calibration.Add(IsotonicCalibrator.Fit(labeled, outcomes));
        }

        return calibration;
    }
}
