using System.Globalization;
using GapMonitor.Api.Contracts;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;
using GapMonitor.Drift.Performance;

namespace GapMonitor.Api.Requests;

/// <summary>Checks the <c>performance</c> part of a system body field by field.</summary>
internal static class PerformanceValidator
{
    public const int MinChunkRows = 10;
    public const int MaxChunkRows = 1_000_000;
    public static readonly TimeSpan MinLabelWait = TimeSpan.FromDays(1);
    public static readonly TimeSpan MaxLabelWait = TimeSpan.FromDays(365);

    public static PerformanceSettings? Build(Validation v, PerformanceRequest request)
    {
        var known = PerformanceTasks.TryParse(request.Task, out var task);
        if (!known)
        {
            v.Add("performance.task", $"Required: one of {string.Join(", ", PerformanceTasks.Names)}.");
        }

        if (request.Prediction is null)
        {
            v.Add("performance.prediction", "Required: the column with the predicted class or value.");
        }

        Column(v, "performance.prediction", request.Prediction);
        Column(v, "performance.probability", request.Probability);
        Column(v, "performance.probabilityPrefix", request.ProbabilityPrefix);
        Column(v, "performance.target", request.Target);
        Column(v, "performance.correlationId", request.CorrelationId);
        if (known)
        {
            Probabilities(v, task, request);
        }

        var metrics = known ? Metrics(v, task, request.Metrics) : [];
        var thresholds = known ? Thresholds(v, task, request.Thresholds) : [];
        var chunkRows = request.ChunkRows ?? PerformanceOptions.DefaultChunkRows;
        if (chunkRows is < MinChunkRows or > MaxChunkRows)
        {
            v.Add("performance.chunkRows", $"Between {MinChunkRows} and {MaxChunkRows:N0}.");
        }

        var labelWait = SystemRequestValidator.Duration(v, "performance.labelWait", request.LabelWait, PerformanceSettings.DefaultLabelWait, allowZero: false);
        if (labelWait < MinLabelWait || labelWait > MaxLabelWait)
        {
            v.Add("performance.labelWait", "Between P1D and P365D.");
        }

        if (!known || request.Prediction is null)
        {
            return null;
        }

        return new PerformanceSettings
        {
            Task = task,
            Prediction = request.Prediction,
            Probability = request.Probability,
            ProbabilityPrefix = request.ProbabilityPrefix,
            Target = request.Target,
            CorrelationId = request.CorrelationId ?? PerformanceSettings.DefaultCorrelationId,
            Metrics = metrics,
            ChunkRows = chunkRows,
            Thresholds = thresholds,
            LabelWait = labelWait,
        };
    }

    private static void Column(Validation v, string field, string? name)
    {
        if (name is not null && (name.Length == 0 || name.Length > ColumnAdmission.MaxNameLength || string.IsNullOrWhiteSpace(name)))
        {
            v.Add(field, $"A column name of 1 to {ColumnAdmission.MaxNameLength} characters.");
        }
    }

    private static void Probabilities(Validation v, PerformanceTask task, PerformanceRequest request)
    {
        if (task != PerformanceTask.BinaryClassification && request.Probability is not null)
        {
            v.Add("performance.probability", task == PerformanceTask.MulticlassClassification
                ? "Binary classification only; a multiclass model names its probability columns by probabilityPrefix."
                : "Classification only; a regression model has no probabilities.");
        }

        if (task != PerformanceTask.MulticlassClassification && request.ProbabilityPrefix is not null)
        {
            v.Add("performance.probabilityPrefix", task == PerformanceTask.BinaryClassification
                ? "Multiclass classification only; a binary model names its column of P(class 1) by probability."
                : "Classification only; a regression model has no probabilities.");
        }

        if (task == PerformanceTask.MulticlassClassification && !string.IsNullOrEmpty(request.ProbabilityPrefix))
        {
            // Such a column would read as the probability of a class that never has one, and turn the estimates off.
            foreach (var (field, name) in new[] { ("performance.prediction", request.Prediction), ("performance.target", request.Target), ("performance.correlationId", request.CorrelationId) })
            {
                if (name?.StartsWith(request.ProbabilityPrefix, StringComparison.Ordinal) == true)
                {
                    v.Add(field, $"Must not start with the probabilityPrefix '{request.ProbabilityPrefix}': columns named so are class probabilities.");
                }
            }
        }
    }

    private static List<string> Metrics(Validation v, PerformanceTask task, IReadOnlyList<string>? requested)
    {
        var metrics = new List<string>();
        var ofTask = PerformanceMetrics.Of(task);
        for (var i = 0; i < (requested?.Count ?? 0); i++)
        {
            var metric = requested![i];
            if (metric is null || !ofTask.Contains(metric, StringComparer.Ordinal))
            {
                v.Add($"performance.metrics[{i}]", $"A metric of {PerformanceTasks.Name(task)}: {string.Join(", ", ofTask)}.");
            }
            else if (metrics.Contains(metric, StringComparer.Ordinal))
            {
                v.Add($"performance.metrics[{i}]", $"'{metric}' is listed twice.");
            }
            else
            {
                metrics.Add(metric);
            }
        }

        return metrics;
    }

    private static List<PerformanceThreshold> Thresholds(Validation v, PerformanceTask task, IReadOnlyDictionary<string, PerformanceThresholdRequest?>? requested)
    {
        var thresholds = new List<PerformanceThreshold>();
        var ofTask = PerformanceMetrics.Of(task);
        foreach (var (metric, threshold) in requested ?? new Dictionary<string, PerformanceThresholdRequest?>())
        {
            var field = $"performance.thresholds.{metric}";
            if (!ofTask.Contains(metric, StringComparer.Ordinal))
            {
                v.Add(field, $"A metric of {PerformanceTasks.Name(task)}: {string.Join(", ", ofTask)}.");
                continue;
            }

            if (threshold is null || (threshold.Lower is null && threshold.Upper is null))
            {
                v.Add(field, "Give lower, upper or both.");
                continue;
            }

            var (min, max) = PerformanceMetrics.Range(metric);
            var valid = Side(v, $"{field}.lower", threshold.Lower, min, max) & Side(v, $"{field}.upper", threshold.Upper, min, max);
            if (valid && threshold.Lower > threshold.Upper)
            {
                v.Add($"{field}.lower", "At most upper.");
                valid = false;
            }

            if (valid)
            {
                thresholds.Add(new PerformanceThreshold(metric, threshold.Lower, threshold.Upper));
            }
        }

        return thresholds;
    }

    private static bool Side(Validation v, string field, double? value, double min, double max)
    {
        if (value is not { } x)
        {
            return true;
        }

        if (!double.IsFinite(x) || x < min || x > max)
        {
            v.Add(field, $"A finite number within the metric's range [{Bound(min)}, {Bound(max)}].");
            return false;
        }

        return true;
    }

    private static string Bound(double value) =>
        double.IsInfinity(value) ? (value > 0 ? "∞" : "-∞") : value.ToString(CultureInfo.InvariantCulture);
}
