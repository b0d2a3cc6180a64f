using GapMonitor.Drift.Performance;

namespace GapMonitor.Drift.Tests.Performance;

/// <summary>Small samples built in code for the focused tests.</summary>
internal static class Samples
{
    public static PerformanceSample Binary(params (int Predicted, double Probability, int? Target)[] rows)
    {
        var sample = new PerformanceSample(PerformanceTask.BinaryClassification, [], hasProbabilities: true);
        foreach (var (predicted, probability, target) in rows)
        {
            sample.AddClassification(predicted, [probability], target);
        }

        return sample;
    }

    /// <summary>A calibrated-looking binary sample: row i has probability (i mod 10 + 0.5) / 10, positive every so often.</summary>
    public static PerformanceSample Binary(int rows, Func<int, int?> target)
    {
        var sample = new PerformanceSample(PerformanceTask.BinaryClassification, [], hasProbabilities: true);
        for (var i = 0; i < rows; i++)
        {
            var probability = ((i % 10) + 0.5) / 10;
            sample.AddClassification(probability >= 0.5 ? 1 : 0, [probability], target(i));
        }

        return sample;
    }

    private static readonly double[] Uniform = UniformValues(100_000);

    /// <summary>Row i is positive with the probability <see cref="Binary(int, Func{int, int?})"/> gives it: a calibrated model (fixed seed).</summary>
    public static int? CalibratedTarget(int i) => Uniform[i % Uniform.Length] < ((i % 10) + 0.5) / 10 ? 1 : 0;

    private static double[] UniformValues(int count)
    {
        var random = new Random(42);
        return Enumerable.Range(0, count).Select(_ => random.NextDouble()).ToArray();
    }

    public static PerformanceSample Regression(params (double Predicted, double? Target)[] rows)
    {
        var sample = new PerformanceSample(PerformanceTask.Regression, [], hasProbabilities: false);
        foreach (var (predicted, target) in rows)
        {
            sample.AddRegression(predicted, target);
        }

        return sample;
    }
}
