using System.Text.Json;
using GapMonitor.Core.Performance;
using GapMonitor.Core.Telemetry;
using GapMonitor.Core.Tests.Performance;
using GapMonitor.Testing;

namespace GapMonitor.Core.Tests.Telemetry;

public class TelemetryPushPredictionTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly DateTimeOffset Now = SystemBuilder.Epoch + TimeSpan.FromMinutes(10);

    [Fact]
    public void Apply_RowsWithModelOutputs_FoldTheirPredictionsIntoTheWindow_AndProfileTheOutputColumnsToo()
    {
        var state = new TelemetryState();
        var system = new SystemBuilder().Build() with { Performance = PredictionExtractionTests.Binary() };

        TelemetryPush.Apply(state, Batch("b1", """{"age": 40, "pred": 1, "proba": 0.9, "correlationid": "a"}""", """{"age": 41, "pred": 0, "proba": 0.2, "churned": 0, "correlationid": "b"}""", """{"age": 42}"""), Now, Hour, Now, PredictionExtraction.For(system));

        var window = Assert.Single(state.Windows).Value;
        Assert.Equal(3, window.Profile.Rows);
        Assert.Equal(2, window.Profile.Column("pred").Count);
        var predictions = window.Predictions!;
        Assert.Equal(2, predictions.Rows);
        Assert.Equal(["a", "b"], predictions.Kept.Select(r => r.CorrelationId));
        Assert.Equal([null, "0"], predictions.Kept.Select(r => r.Target));
        Assert.Equal(0.9, predictions.Kept[0].Probabilities![0]);
    }

    [Fact]
    public void Apply_ADuplicateBatch_AddsNoPredictions()
    {
        var state = new TelemetryState();
        var extraction = PredictionExtraction.For(new SystemBuilder().Build() with { Performance = PredictionExtractionTests.Binary() });
        TelemetryPush.Apply(state, Batch("b1", """{"pred": 1}"""), Now, Hour, Now, extraction);

        TelemetryPush.Apply(state, Batch("b1", """{"pred": 1}"""), Now, Hour, Now, extraction);

        Assert.Equal(1, Assert.Single(state.Windows).Value.Predictions!.Rows);
    }

    [Fact]
    public void Apply_ForASystemWithoutPerformanceSettings_KeepsNoPredictions()
    {
        var state = new TelemetryState();

        TelemetryPush.Apply(state, Batch("b1", """{"pred": 1, "proba": 0.9}"""), Now, Hour, Now, PredictionExtraction.For(new SystemBuilder().Build()));

        Assert.Null(Assert.Single(state.Windows).Value.Predictions);
    }

    private static PushedBatch Batch(string id, params string[] rows) =>
        new(id, null, null, [.. rows.Select(r => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(r)!)]);
}
