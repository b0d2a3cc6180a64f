using GapMonitor.Drift.Performance;

namespace GapMonitor.Drift.Tests.Performance;

public class IsotonicCalibratorTests
{
    [Fact]
    public void Fit_WhenLengthsDifferOrEmpty_Throws()
    {
        Assert.Throws<ArgumentException>(() => IsotonicCalibrator.Fit([0.1, 0.2], [1]));
        Assert.Throws<ArgumentException>(() => IsotonicCalibrator.Fit([], []));
    }

    [Fact]
    public void Fit_WhenAProbabilityIsNaN_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IsotonicCalibrator.Fit([0.1, double.NaN], [0, 1]));
    }

    [Fact]
    public void Fit_WhenOneDistinctProbability_IsTheConstantShareOfPositives()
    {
        var calibrator = IsotonicCalibrator.Fit([0.3, 0.3, 0.3, 0.3], [1, 0, 0, 0]);

        Assert.Equal([0.3], calibrator.X);
        Assert.Equal(0.25, calibrator.Transform(0));
        Assert.Equal(0.25, calibrator.Transform(0.9));
    }

    [Fact]
    public void Transform_InterpolatesBetweenFittedPointsAndClipsOutside()
    {
        var calibrator = IsotonicCalibrator.Fit([0.2, 0.4, 0.6], [0, 1, 1]);

        Assert.Equal([0.2, 0.4, 0.6], calibrator.X);
        Assert.Equal(0.0, calibrator.Transform(0.1));
        Assert.Equal(0.5, calibrator.Transform(0.3), 15);
        Assert.Equal(1.0, calibrator.Transform(0.9));
    }

    [Fact]
    public void Constructor_WhenXDoesNotIncreaseOrYDecreases_Throws()
    {
        Assert.Throws<ArgumentException>(() => new IsotonicCalibrator([0.2, 0.2], [0, 1]));
        Assert.Throws<ArgumentException>(() => new IsotonicCalibrator([0.2, 0.3], [1, 0]));
        Assert.Throws<ArgumentException>(() => new IsotonicCalibrator([0.2], [0, 1]));
    }
}
