namespace GapMonitor.Drift.Performance;

/// <summary>
/// Precision, recall and F1 of one positive class from its confusion counts (whole or expected), as scikit-learn 1.2's
/// <c>precision_recall_fscore_support</c> computes them: 0 where a denominator is 0, F1 = 2·P·R / (P + R).
/// </summary>
internal readonly record struct ConfusionCounts(double Precision, double Recall, double F1)
{
    public static ConfusionCounts Of(double truePositives, double falsePositives, double falseNegatives)
    {
        var predicted = truePositives + falsePositives;
        var actual = truePositives + falseNegatives;
        var precision = predicted == 0 ? 0 : truePositives / predicted;
        var recall = actual == 0 ? 0 : truePositives / actual;
        var denominator = precision + recall;
        var f1 = denominator == 0 ? 0 : 2 * precision * recall / denominator;
        return new ConfusionCounts(precision, recall, f1);
    }
}
