using GapMonitor.Drift.Performance;

namespace GapMonitor.Drift.Tests.Performance;

/// <summary>The engine against scikit-learn 1.2.1 (golden/make_performance_golden.py).</summary>
public class PerformanceGoldenTests
{
    public static TheoryData<string> RealizedCases() => PerformanceGolden.Names("realized");

    public static TheoryData<string> IsotonicCases() => PerformanceGolden.Names("isotonic");

    public static TheoryData<string> EstimatedCases() => PerformanceGolden.Names("estimated");

    public static TheoryData<string> ThresholdCases() => PerformanceGolden.Names("thresholds");

    [Theory]
    [MemberData(nameof(RealizedCases))]
    public void Realized_WhenComparedWithScikitLearn_AgreesTo1e9(string name)
    {
        var golden = PerformanceGolden.Case("realized", name);

        var realized = PerformanceCalculator.Realized(PerformanceGolden.Sample(golden.GetProperty("sample")));

        PerformanceGolden.AssertMetrics(golden.GetProperty("expected"), realized, PerformanceGolden.RealizedTolerance, name);
    }

    [Theory]
    [MemberData(nameof(IsotonicCases))]
    public void IsotonicCalibrator_WhenComparedWithScikitLearn_HasItsPointsAndPredictions(string name)
    {
        var golden = PerformanceGolden.Case("isotonic", name);

        var calibrator = IsotonicCalibrator.Fit(Golden.Numbers(golden.GetProperty("x")), Golden.Numbers(golden.GetProperty("y")));

        var fittedX = Golden.Numbers(golden.GetProperty("fittedX"));
        var fittedY = Golden.Numbers(golden.GetProperty("fittedY"));
        Assert.Equal(fittedX, calibrator.X);
        Assert.Equal(fittedY.Length, calibrator.Y.Count);
        for (var i = 0; i < fittedY.Length; i++)
        {
            PerformanceGolden.AssertNear(fittedY[i], calibrator.Y[i], PerformanceGolden.EstimateTolerance, $"y at {fittedX[i]:R}");
        }

        var test = Golden.Numbers(golden.GetProperty("test"));
        var expected = Golden.Numbers(golden.GetProperty("expected"));
        for (var i = 0; i < test.Length; i++)
        {
            PerformanceGolden.AssertNear(expected[i], calibrator.Transform(test[i]), PerformanceGolden.EstimateTolerance, $"predict({test[i]:R})");
        }
    }

    [Theory]
    [MemberData(nameof(EstimatedCases))]
    public void Estimate_WhenComparedWithTheContractInNumpy_AgreesTo1e6(string name)
    {
        var golden = PerformanceGolden.Case("estimated", name);
        var reference = PerformanceCalculator.Fit(PerformanceGolden.Sample(golden.GetProperty("reference")), new PerformanceOptions());
        var current = PerformanceGolden.Sample(golden.GetProperty("current"));

        var estimated = PerformanceCalculator.Estimate(reference, current);

        PerformanceGolden.AssertMetrics(golden.GetProperty("expected"), estimated, PerformanceGolden.EstimateTolerance, name);
        PerformanceGolden.AssertMetrics(golden.GetProperty("realized"), PerformanceCalculator.Realized(current), PerformanceGolden.RealizedTolerance, name);
    }

    [Theory]
    [MemberData(nameof(ThresholdCases))]
    public void Fit_WhenComparedWithChunkMetricsFromScikitLearn_DerivesTheSameThresholds(string name)
    {
        var golden = PerformanceGolden.Case("thresholds", name);
        var options = new PerformanceOptions { ChunkRows = golden.GetProperty("chunkRows").GetInt32() };

        var reference = PerformanceCalculator.Fit(PerformanceGolden.Sample(golden.GetProperty("reference")), options);

        Assert.Equal(golden.GetProperty("chunks").GetInt32(), reference.Chunks);
        PerformanceGolden.AssertMetrics(golden.GetProperty("metrics"), reference.Metrics, PerformanceGolden.RealizedTolerance, name);
        var expected = golden.GetProperty("thresholds").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), reference.Thresholds.Keys.Order(StringComparer.Ordinal));
        foreach (var (metric, threshold) in expected)
        {
            var actual = reference.Thresholds[metric];
            PerformanceGolden.AssertNear(threshold.GetProperty("lower").GetDouble(), actual.Lower!.Value, PerformanceGolden.RealizedTolerance, $"{metric} lower");
            PerformanceGolden.AssertNear(threshold.GetProperty("upper").GetDouble(), actual.Upper!.Value, PerformanceGolden.RealizedTolerance, $"{metric} upper");
        }
    }
}
