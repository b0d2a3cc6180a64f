using GapMonitor.Drift.Statistics;

namespace GapMonitor.Drift.Performance;

/// <summary>scikit-learn 1.2's <c>sklearn.metrics</c> on the labeled rows of a range of a sample.</summary>
internal static class RealizedMetrics
{
    /// <summary>Every metric of the sample's task on the labeled rows in [start, end); null when none is labeled.</summary>
    public static Dictionary<string, double?>? Compute(PerformanceSample sample, int start, int end)
    {
        var targets = sample.TargetSpan[start..end];
        var predictions = sample.PredictionSpan[start..end];
        var labeled = 0;
        foreach (var target in targets)
        {
            labeled += double.IsNaN(target) ? 0 : 1;
        }

        if (labeled == 0)
        {
            return null;
        }

        return sample.Task switch
        {
            PerformanceTask.BinaryClassification => Binary(sample, start, end, labeled),
            PerformanceTask.MulticlassClassification => Multiclass(sample.Classes.Count, predictions, targets, labeled),
            _ => Regression(predictions, targets, labeled),
        };
    }

    private static Dictionary<string, double?> Binary(PerformanceSample sample, int start, int end, int labeled)
    {
        var targets = sample.TargetSpan[start..end];
        var predictions = sample.PredictionSpan[start..end];
        long tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < targets.Length; i++)
        {
            var target = targets[i];
            if (double.IsNaN(target))
            {
                continue;
            }

            var positive = target == 1;
            var predictedPositive = predictions[i] == 1;
            tp += positive && predictedPositive ? 1 : 0;
            fp += !positive && predictedPositive ? 1 : 0;
            fn += positive && !predictedPositive ? 1 : 0;
            tn += !positive && !predictedPositive ? 1 : 0;
        }

        var counts = ConfusionCounts.Of(tp, fp, fn);
        double? rocAuc = sample.ProbabilityClasses == 1
            ? RocAuc(sample.ProbabilitySpan[start..end], targets, tp + fn, fp + tn)
            : null;
        return new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            [PerformanceMetrics.RocAuc] = rocAuc,
            [PerformanceMetrics.Accuracy] = (double)(tp + tn) / labeled,
            [PerformanceMetrics.Precision] = counts.Precision,
            [PerformanceMetrics.Recall] = counts.Recall,
            [PerformanceMetrics.F1] = counts.F1,
        };
    }

    /// <summary>
    /// <c>roc_auc_score</c>: the Mann–Whitney statistic with ties counted half, counted exactly in integers (twice
    /// the number of correctly ordered positive–negative pairs) over both classes' sorted scores; null with one class.
    /// </summary>
    private static double? RocAuc(ReadOnlySpan<double> probabilities, ReadOnlySpan<double> targets, long positives, long negatives)
    {
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        var positive = new double[positives];
        var negative = new double[negatives];
        int p = 0, n = 0;
        for (var i = 0; i < targets.Length; i++)
        {
            if (targets[i] == 1)
            {
                positive[p++] = probabilities[i];
            }
            else if (targets[i] == 0)
            {
                negative[n++] = probabilities[i];
            }
        }

        DoubleSorter.Sort(positive);
        DoubleSorter.Sort(negative);
        // One merge pass: negatives [0, below) score lower than the current positive, [below, tieEnd) the same.
        double twiceOrdered = 0;
        int below = 0, tieEnd = 0;
        for (var i = 0; i < positive.Length; i++)
        {
            var score = positive[i];
            if (i == 0 || score != positive[i - 1])
            {
                below = tieEnd;
                while (below < negative.Length && negative[below] < score)
                {
                    below++;
                }

                tieEnd = below;
                while (tieEnd < negative.Length && negative[tieEnd] == score)
                {
                    tieEnd++;
                }
            }

            twiceOrdered += (2.0 * below) + (tieEnd - below);
        }

        return twiceOrdered / (2.0 * positives * negatives);
    }

    private static Dictionary<string, double?> Multiclass(int classCount, ReadOnlySpan<double> predictions, ReadOnlySpan<double> targets, int labeled)
    {
        var truePositives = new long[classCount];
        var predicted = new long[classCount];
        var actual = new long[classCount];
        long correct = 0;
        for (var i = 0; i < targets.Length; i++)
        {
            if (double.IsNaN(targets[i]))
            {
                continue;
            }

            var target = (int)targets[i];
            var prediction = (int)predictions[i];
            actual[target]++;
            predicted[prediction]++;
            if (target == prediction)
            {
                truePositives[target]++;
                correct++;
            }
        }

        // f1_score(average="macro"): over the classes present in y_true or y_pred, summed as numpy does.
        var f1 = new List<double>(classCount);
        for (var c = 0; c < classCount; c++)
        {
            if (actual[c] > 0 || predicted[c] > 0)
            {
                f1.Add(ConfusionCounts.Of(truePositives[c], predicted[c] - truePositives[c], actual[c] - truePositives[c]).F1);
            }
        }

        return new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            [PerformanceMetrics.Accuracy] = (double)correct / labeled,
            [PerformanceMetrics.F1] = NumpySum.Sum(f1.ToArray()) / f1.Count,
        };
    }

    private static Dictionary<string, double?> Regression(ReadOnlySpan<double> predictions, ReadOnlySpan<double> targets, int labeled)
    {
        var y = new double[labeled];
        var absolute = new double[labeled];
        var squared = new double[labeled];
        var at = 0;
        for (var i = 0; i < targets.Length; i++)
        {
            if (double.IsNaN(targets[i]))
            {
                continue;
            }

            y[at] = targets[i];
            var error = targets[i] - predictions[i];
            absolute[at] = Math.Abs(predictions[i] - targets[i]);
            squared[at] = error * error;
            at++;
        }

        var squaredErrors = NumpySum.Sum(squared);
        return new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            [PerformanceMetrics.Mae] = Finite(NumpySum.Sum(absolute) / labeled),
            [PerformanceMetrics.Rmse] = Finite(Math.Sqrt(squaredErrors / labeled)),
            [PerformanceMetrics.R2] = Finite(R2(y, squaredErrors)),
        };
    }

    /// <summary>Errors beyond the range of a double (values near ±1e154 and more) leave the metric undefined rather than infinite.</summary>
    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    /// <summary><c>r2_score</c> with <c>force_finite=True</c>: constant targets give 1 when predicted exactly, else 0; undefined below two rows.</summary>
    private static double? R2(double[] y, double squaredErrors)
    {
        if (y.Length < 2)
        {
            return null;
        }

        var mean = NumpySum.Sum(y) / y.Length;
        var constant = true;
        var deviations = new double[y.Length];
        for (var i = 0; i < y.Length; i++)
        {
            var deviation = y[i] - mean;
            deviations[i] = deviation * deviation;
            constant &= y[i] == y[0];
        }

        var total = constant ? 0 : NumpySum.Sum(deviations);
        if (total == 0)
        {
            return squaredErrors == 0 ? 1.0 : 0.0;
        }

        return squaredErrors == 0 ? 1.0 : 1 - (squaredErrors / total);
    }
}
