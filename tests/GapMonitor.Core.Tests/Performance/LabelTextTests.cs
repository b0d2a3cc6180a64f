using System.Text.Json;
using GapMonitor.Core.Performance;
using GapMonitor.Drift.Performance;

namespace GapMonitor.Core.Tests.Performance;

public class LabelTextTests
{
    [Theory]
    [InlineData(PerformanceTask.BinaryClassification, "1", "1")]
    [InlineData(PerformanceTask.BinaryClassification, "1.0", "1")]
    [InlineData(PerformanceTask.BinaryClassification, "\"1.0\"", "1")]
    [InlineData(PerformanceTask.BinaryClassification, "true", "1")]
    [InlineData(PerformanceTask.BinaryClassification, "false", "0")]
    [InlineData(PerformanceTask.BinaryClassification, "\"True\"", "1")]
    [InlineData(PerformanceTask.BinaryClassification, "-0.0", "0")]
    [InlineData(PerformanceTask.Regression, "2.50", "2.5")]
    [InlineData(PerformanceTask.Regression, "\" 0.1 \"", "0.1")]
    [InlineData(PerformanceTask.MulticlassClassification, "\"cat\"", "cat")]
    [InlineData(PerformanceTask.MulticlassClassification, "3.0", "3")]
    public void Target_IsWrittenLikeAStoredModelOutput(PerformanceTask task, string json, string expected)
    {
        var (target, refusal) = LabelText.Target(task, Value(json));

        Assert.Equal(expected, target);
        Assert.Null(refusal);
    }

    [Theory]
    [InlineData(PerformanceTask.BinaryClassification, "2")]
    [InlineData(PerformanceTask.BinaryClassification, "\"yes\"")]
    [InlineData(PerformanceTask.BinaryClassification, "null")]
    [InlineData(PerformanceTask.Regression, "\"cat\"")]
    [InlineData(PerformanceTask.Regression, "\"NaN\"")]
    [InlineData(PerformanceTask.Regression, "\"Infinity\"")]
    [InlineData(PerformanceTask.Regression, "\"1e999\"")]
    [InlineData(PerformanceTask.Regression, "[1]")]
    [InlineData(PerformanceTask.MulticlassClassification, "\"  \"")]
    [InlineData(PerformanceTask.MulticlassClassification, "{}")]
    public void Target_ThatIsNoTargetOfTheTask_IsRefusedWithAReason(PerformanceTask task, string json)
    {
        var (target, refusal) = LabelText.Target(task, Value(json));

        Assert.Null(target);
        Assert.False(string.IsNullOrEmpty(refusal));
    }

    private static OutputValue Value(string json)
    {
        using var document = JsonDocument.Parse(json);
        return OutputValue.From(document.RootElement);
    }
}
