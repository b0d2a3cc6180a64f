using GapMonitor.Core.Performance;
using GapMonitor.Core.Telemetry;
using GapMonitor.Drift.Profiles;
using GapMonitor.Infrastructure.Telemetry;
using GapMonitor.Testing;

namespace GapMonitor.Infrastructure.Tests.Telemetry;

public class TelemetryStateJsonPredictionsTests
{
    private static readonly DateTimeOffset Start = SystemBuilder.Epoch;

    [Fact]
    public void SerializeThenDeserialize_KeepsTheOpenAndClosingWindowsPredictions_AndTheOutputCheckpoint()
    {
        var state = new TelemetryState { OutputLogCheckpoint = """{"openFrom":"2026/03/02/07"}""" };
        state.Windows[Start] = new OpenWindow(new DatasetProfile()) { Predictions = Predictions(Start) };
        state.Closing.Add(new ClosingWindow(Start.AddHours(-1), Start, new OpenWindow(new DatasetProfile()) { Predictions = Predictions(Start.AddHours(-1)) }));

        var read = TelemetryStateJson.Deserialize(BinaryData.FromBytes(TelemetryStateJson.Serialize(state)));

        Assert.Equal(state.OutputLogCheckpoint, read.OutputLogCheckpoint);
        AssertSame(state.Windows[Start].Predictions!, read.Windows[Start].Predictions!);
        AssertSame(state.Closing[0].Window.Predictions!, read.Closing[0].Window.Predictions!);
    }

    [Fact]
    public void Serialize_AWindowWithoutPredictions_ReadsBackWithout()
    {
        var state = new TelemetryState();
        state.Windows[Start] = new OpenWindow(new DatasetProfile());

        Assert.Null(TelemetryStateJson.Deserialize(BinaryData.FromBytes(TelemetryStateJson.Serialize(state))).Windows[Start].Predictions);
    }

    private static WindowPredictions Predictions(DateTimeOffset start)
    {
        var predictions = WindowPredictions.For("sys", start);
        predictions.ProbabilityClasses.AddRange(["cat", "dog"]);
        predictions.Add(new PredictionRecord("a", "cat", [0.75, double.NaN], null));
        predictions.Add(new PredictionRecord(null, "dog", null, "dog"));
        return predictions;
    }

    private static void AssertSame(WindowPredictions expected, WindowPredictions actual)
    {
        Assert.Equal((expected.Rows, expected.Seed), (actual.Rows, actual.Seed));
        Assert.Equal(expected.ProbabilityClasses, actual.ProbabilityClasses);
        Assert.Equal(expected.Kept.Select(r => (r.CorrelationId, r.Prediction, r.Target)), actual.Kept.Select(r => (r.CorrelationId, r.Prediction, r.Target)));
        Assert.Equal(0.75, actual.Kept[0].Probabilities![0]);
        Assert.True(double.IsNaN(actual.Kept[0].Probabilities![1]));
        Assert.Null(actual.Kept[1].Probabilities);
    }
}
