using GapMonitor.Core.Performance;
using GapMonitor.Drift.Performance;

namespace GapMonitor.Core.Tests.Performance;

public class LabelTextTests
{
    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(0.0, "0")]
    [InlineData(2.5, "2.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e21, "1E+21")]
    public void Number_IsTheInvariantRoundTripForm(double value, string expected) => Assert.Equal(expected, LabelText.Number(value));

    [Fact]
    public void Number_NegativeZero_IsZero() => Assert.Equal("0", LabelText.Number(-0.0));

    [Fact]
    public void Number_NotFinite_IsNoLabel()
    {
        Assert.Null(LabelText.Number(double.NaN));
        Assert.Null(LabelText.Number(double.PositiveInfinity));
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("1.0", "1")]
    [InlineData(" 1.50 ", "1.5")]
    [InlineData("true", "1")]
    [InlineData("False", "0")]
    [InlineData("cat", "cat")]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Text_NumbersAndBooleansAreWrittenAsNumbers_OtherTextAsIs(string? text, string? expected) => Assert.Equal(expected, LabelText.Text(text));

    [Fact]
    public void Boolean_IsOneOrZero()
    {
        Assert.Equal("1", LabelText.Boolean(true));
        Assert.Equal("0", LabelText.Boolean(false));
    }

    [Theory]
    [InlineData(PerformanceTask.BinaryClassification, "1", true)]
    [InlineData(PerformanceTask.BinaryClassification, "0", true)]
    [InlineData(PerformanceTask.BinaryClassification, "2", false)]
    [InlineData(PerformanceTask.BinaryClassification, "yes", false)]
    [InlineData(PerformanceTask.Regression, "2.5", true)]
    [InlineData(PerformanceTask.Regression, "cat", false)]
    [InlineData(PerformanceTask.MulticlassClassification, "cat", true)]
    [InlineData(PerformanceTask.MulticlassClassification, null, false)]
    public void Refusal_SaysWhyALabelIsNoTargetOfTheTask(PerformanceTask task, string? label, bool accepted) =>
        Assert.Equal(accepted, LabelText.Refusal(task, label) is null);
}
