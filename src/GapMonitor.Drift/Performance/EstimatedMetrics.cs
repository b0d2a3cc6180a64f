using GapMonitor.Drift.Statistics;

namespace GapMonitor.Drift.Performance;

/// <summary>
/// Label-free estimates (API.md "Concept drift"): calibrated probabilities q stand in for the unknown labels, giving
/// an expected confusion matrix and an expected ROC curve. O(rows · classes) plus one sort of q (binary).
/// </summary>
internal static class EstimatedMetrics
{
    public static Dictionary<string, double?> Binary(IsotonicCalibrator calibrator, PerformanceSample current)
    {
        var predictions = current.PredictionSpan;
        var probabilities = current.ProbabilitySpan;
        var n = predictions.Length;
        var q = new double[n];
        double tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < n; i++)
        {
            var calibrated = calibrator.Transform(probabilities[i]);
            q[i] = calibrated;
            if (predictions[i] == 1)
            {
                tp += calibrated;
                fp += 1 - calibrated;
            }
            else
            {
                fn += calibrated;
                tn += 1 - calibrated;
            }
        }

        if (n == 0)
        {
            return Undefined(PerformanceTask.BinaryClassification);
        }

        var counts = ConfusionCounts.Of(tp, fp, fn);
        return new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            [PerformanceMetrics.RocAuc] = ExpectedRocAuc(q),
            [PerformanceMetrics.Accuracy] = (tp + tn) / n,
            [PerformanceMetrics.Precision] = counts.Precision,
            [PerformanceMetrics.Recall] = counts.Recall,
            [PerformanceMetrics.F1] = counts.F1,
        };
    }

    public static Dictionary<string, double?> Multiclass(IReadOnlyList<IsotonicCalibrator> calibration, PerformanceSample current)
    {
        var k = calibration.Count;
        var predictions = current.PredictionSpan;
        var probabilities = current.ProbabilitySpan;
        var n = predictions.Length;
        if (n == 0)
        {
            return Undefined(PerformanceTask.MulticlassClassification);
        }

        var q = new double[k];
        var tp = new double[k];
        var fp = new double[k];
        var fn = new double[k];
        double expectedCorrect = 0;
        for (var row = 0; row < n; row++)
        {
            double sum = 0;
            for (var c = 0; c < k; c++)
            {
                q[c] = calibration[c].Transform(probabilities[(row * k) + c]);
                sum += q[c];
            }

            for (var c = 0; c < k; c++)
            {
                q[c] = sum == 0 ? 1.0 / k : q[c] / sum;
            }

            var predicted = (int)predictions[row];
            for (var c = 0; c < k; c++)
            {
                if (c == predicted)
                {
                    tp[c] += q[c];
                    fp[c] += 1 - q[c];
                    expectedCorrect += q[c];
                }
                else
                {
                    fn[c] += q[c];
                }
            }
        }

        double f1 = 0;
        for (var c = 0; c < k; c++)
        {
            f1 += ConfusionCounts.Of(tp[c], fp[c], fn[c]).F1;
        }

        return new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            [PerformanceMetrics.Accuracy] = expectedCorrect / n,
            [PerformanceMetrics.F1] = f1 / k,
        };
    }

    /// <summary>
    /// From (0, 0), at each distinct q (descending): TPR = Σ_{q≥t} q / Σ q, FPR = Σ_{q≥t} (1−q) / Σ (1−q); the
    /// trapezoidal area. Null when Σ q or Σ (1−q) is 0 (every row surely negative, or surely positive).
    /// </summary>
    private static double? ExpectedRocAuc(double[] q)
    {
        DoubleSorter.Sort(q);
        double positives = 0, negatives = 0, area = 0;
        var i = q.Length - 1;
        while (i >= 0)
        {
            var t = q[i];
            double groupPositives = 0, groupNegatives = 0;
            while (i >= 0 && q[i] == t)
            {
                groupPositives += t;
                groupNegatives += 1 - t;
                i--;
            }

            // Trapezoid between the previous point and this one, in unnormalised sums.
            area += groupNegatives * (positives + positives + groupPositives) / 2;
            positives += groupPositives;
            negatives += groupNegatives;
        }

        return positives == 0 || negatives == 0 ? null : area / (positives * negatives);
    }

    private static Dictionary<string, double?> Undefined(PerformanceTask task) =>
        PerformanceMetrics.Of(task).ToDictionary(m => m, _ => (double?)null, StringComparer.Ordinal);
}
