using System.Text.Json;
using GapMonitor.Core.Performance;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;
using GapMonitor.Drift.Performance;
using GapMonitor.Testing;

namespace GapMonitor.Core.Tests.Performance;

public class PredictionExtractionTests
{
    private static readonly DateTimeOffset Start = SystemBuilder.Epoch;

    [Fact]
    public void Add_BinaryRow_KeepsNormalisedPredictionProbabilityTargetAndItsOwnCorrelationId()
    {
        var extraction = Extraction(Binary());
        var window = new OpenWindow(new());

        Assert.True(extraction.Add(window, Start, Row("""{"pred": 1.0, "proba": "0.75", "churned": true, "correlationid": "req-1"}"""), "record-id"));

        var record = Assert.Single(window.Predictions!.Kept);
        Assert.Equal(("req-1", "1", "1"), (record.CorrelationId, record.Prediction, record.Target));
        Assert.Equal([0.75], record.Probabilities!);
        Assert.Equal(1, window.Predictions.Rows);
    }

    [Fact]
    public void Add_RowWithoutItsOwnCorrelationId_TakesTheRecordsOne()
    {
        var extraction = Extraction(Binary());
        var window = new OpenWindow(new());

        extraction.Add(window, Start, Row("""{"pred": false}"""), "record-id");

        var record = Assert.Single(window.Predictions!.Kept);
        Assert.Equal(("record-id", "0", null, null), (record.CorrelationId, record.Prediction, record.Probabilities, record.Target));
    }

    [Theory]
    [InlineData("""{"x": 1}""")]
    [InlineData("""{"pred": null}""")]
    [InlineData("""{"pred": "cat"}""")]
    [InlineData("""{"pred": 2}""")]
    public void Add_BinaryRowWithoutAUsablePrediction_CountsNothing(string json)
    {
        var window = new OpenWindow(new());

        Assert.False(Extraction(Binary()).Add(window, Start, Row(json), null));

        Assert.Null(window.Predictions);
    }

    [Fact]
    public void Add_ProbabilityOutsideZeroToOne_IsLeftOut_TheRowStillCounts()
    {
        var window = new OpenWindow(new());

        Extraction(Binary()).Add(window, Start, Row("""{"pred": 1, "proba": 1.5}"""), null);

        Assert.Null(Assert.Single(window.Predictions!.Kept).Probabilities);
    }

    [Fact]
    public void Add_Regression_KeepsNumbersInInvariantRoundTripForm()
    {
        var settings = new PerformanceSettings { Task = PerformanceTask.Regression, Prediction = "y_hat", Target = "y" };
        var window = new OpenWindow(new());

        Extraction(settings).Add(window, Start, Row("""{"y_hat": 2.50, "y": "3"}"""), null);
        Assert.False(Extraction(settings).Add(window, Start, Row("""{"y_hat": "high"}"""), null));

        var record = Assert.Single(window.Predictions!.Kept);
        Assert.Equal(("2.5", "3"), (record.Prediction, record.Target));
    }

    [Fact]
    public void Add_Multiclass_GrowsTheClassesAsTheyAppear_AndAlignsEachRowToThem()
    {
        var settings = new PerformanceSettings { Task = PerformanceTask.MulticlassClassification, Prediction = "label", ProbabilityPrefix = "proba_", Target = "truth" };
        var extraction = Extraction(settings);
        var window = new OpenWindow(new());

        extraction.Add(window, Start, Row("""{"label": "cat", "proba_cat": 0.7, "proba_dog": 0.3}"""), null);
        extraction.Add(window, Start, Row("""{"label": "fox", "proba_dog": 0.1, "proba_fox": 0.8, "proba_cat": 0.1, "truth": "dog"}"""), null);
        extraction.Add(window, Start, Row("""{"label": "dog", "proba_dog": 0.9}"""), null);

        var predictions = window.Predictions!;
        Assert.Equal(["cat", "dog", "fox"], predictions.ProbabilityClasses);
        Assert.Equal([0.7, 0.3], predictions.Kept[0].Probabilities!);
        Assert.Equal([0.1, 0.1, 0.8], predictions.Kept[1].Probabilities!);
        Assert.Equal("dog", predictions.Kept[1].Target);
        var third = predictions.Kept[2].Probabilities!;
        Assert.Equal(3, third.Count);
        Assert.True(double.IsNaN(third[0]) && double.IsNaN(third[2]));
        Assert.Equal(0.9, third[1]);
    }

    [Fact]
    public void Reads_OnlyTheModelsColumns()
    {
        var extraction = Extraction(Binary() with { CorrelationId = "rid" });

        Assert.All(["pred", "proba", "churned", "rid"], c => Assert.True(extraction.Reads(c)));
        Assert.False(extraction.Reads("age"));
        Assert.False(extraction.Reads("correlationid"));
    }

    [Fact]
    public void For_ASystemWithoutPerformanceSettings_IsNull() =>
        Assert.Null(PredictionExtraction.For(new SystemBuilder().Build()));

    internal static PerformanceSettings Binary() => new()
    {
        Task = PerformanceTask.BinaryClassification,
        Prediction = "pred",
        Probability = "proba",
        Target = "churned",
    };

    private static PredictionExtraction Extraction(PerformanceSettings settings) => new("sys-1", settings);

    private static List<KeyValuePair<string, OutputValue>> Row(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, OutputValue.From(p.Value.Clone())))];
    }
}
