using BenchmarkDotNet.Attributes;
using GapMonitor.Drift.Performance;

namespace GapMonitor.Drift.Benchmarks;

/// <summary>
/// The performance engine on a binary model: fitting a 100,000-row reference (calibration alone, and the whole fit
/// with chunk thresholds), then estimating and evaluating a 1,000,000-row window (every row labeled, so Evaluate
/// computes the realized metrics too).
/// </summary>
[MemoryDiagnoser]
public class PerformanceBenchmarks
{
    private const int ReferenceRows = 100_000;
    private const int WindowRows = 1_000_000;
    private readonly PerformanceOptions _options = new() { AlertMetrics = PerformanceMetrics.Of(PerformanceTask.BinaryClassification) };
    private PerformanceSample _reference = null!;
    private PerformanceSample _window = null!;
    private PerformanceReference _fitted = null!;
    private double[] _probabilities = [];
    private double[] _outcomes = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _reference = Sample(random, ReferenceRows, shift: 0);
        _window = Sample(random, WindowRows, shift: 0.5);
        _fitted = PerformanceCalculator.Fit(_reference, _options);
        var rows = Enumerable.Range(0, ReferenceRows).Select(_ => Row(random, 0)).ToArray();
        _probabilities = rows.Select(r => r.Probability).ToArray();
        _outcomes = rows.Select(r => (double)r.Target).ToArray();
    }

    [Benchmark]
    public IsotonicCalibrator CalibrateReference100k() => IsotonicCalibrator.Fit(_probabilities, _outcomes);

    [Benchmark]
    public PerformanceReference FitReference100k() => PerformanceCalculator.Fit(_reference, _options);

    [Benchmark]
    public IReadOnlyDictionary<string, double?>? EstimateWindow1M() => PerformanceCalculator.Estimate(_fitted, _window);

    [Benchmark]
    public PerformanceReport EvaluateWindow1M() => PerformanceCalculator.Evaluate(_fitted, _window, _options);

    private static PerformanceSample Sample(Random random, int rows, double shift)
    {
        var sample = new PerformanceSample(PerformanceTask.BinaryClassification, [], hasProbabilities: true);
        for (var i = 0; i < rows; i++)
        {
            var (probability, target) = Row(random, shift);
            sample.AddClassification(probability >= 0.5 ? 1 : 0, [probability], target);
        }

        return sample;
    }

    /// <summary>A score over-confident about a logistic truth, rounded to 4 decimals like logged model outputs.</summary>
    private static (double Probability, int Target) Row(Random random, double shift)
    {
        var logit = (1.4 * (Gaussian(random) + shift)) - 0.3;
        var target = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? 1 : 0;
        var probability = Math.Round(1 / (1 + Math.Exp(-((1.6 * logit) + (0.5 * Gaussian(random))))), 4);
        return (probability, target);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
