using System.Text.Json;
using GapMonitor.Core.Telemetry;
using GapMonitor.Testing;

namespace GapMonitor.Core.Tests.Telemetry;

public class TelemetryPushTests
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly DateTimeOffset Now = SystemBuilder.Epoch + TimeSpan.FromHours(5);

    [Fact]
    public void Apply_WhenNewBatch_FoldsRowsIntoTheWindowOfTheRecordTime()
    {
        var state = new TelemetryState();
        var recordedAt = Now - Day - TimeSpan.FromHours(1);

        var (outcome, delta) = TelemetryPush.Apply(state, Batch("b1", rowCount: 3, modelVersion: null), recordedAt, Day, Now);

        var windowStart = TelemetryState.AlignedStart(recordedAt, Day);
        Assert.Equal(new PushOutcome(windowStart, Duplicate: false, 3, null), outcome);
        Assert.Equal(new TelemetryDelta(3, null, Now), delta);
        Assert.Equal(3, Assert.Single(state.Windows, w => w.Key == windowStart).Value.Profile.Rows);
        Assert.Equal(3, state.RecordsRead);
        Assert.True(state.HasBatch("b1"));
    }

    [Fact]
    public void Apply_WhenBatchIdSeenBefore_IsDuplicateAndTakesNothingIn()
    {
        var state = new TelemetryState();
        TelemetryPush.Apply(state, Batch("b1", rowCount: 2, modelVersion: null), Now, Day, Now);

        var (outcome, delta) = TelemetryPush.Apply(state, Batch("b1", rowCount: 5, modelVersion: "v2"), Now, Day, Now);

        Assert.True(outcome.Duplicate);
        Assert.Equal(0, outcome.Accepted);
        Assert.Same(TelemetryDelta.None, delta);
        Assert.Equal(2, state.OpenRows);
        Assert.Equal(2, state.RecordsRead);
    }

    [Fact]
    public void Apply_WhenModelVersionGiven_CountsTheRowsUnderIt()
    {
        var state = new TelemetryState();

        TelemetryPush.Apply(state, Batch("b1", rowCount: 3, modelVersion: "v1"), Now, Day, Now);
        var (_, delta) = TelemetryPush.Apply(state, Batch("b2", rowCount: 2, modelVersion: "v1"), Now, Day, Now);

        Assert.Equal("v1", delta.ModelVersion);
        Assert.Equal(5, Assert.Single(state.Windows).Value.ModelVersions["v1"]);
    }

    [Fact]
    public void Apply_WhenAColumnBreaksTheColumnBounds_RefusesTheWholeBatchNamingTheField()
    {
        var state = new TelemetryState();
        var tooLong = new string('c', ColumnAdmission.MaxNameLength + 1);
        var rows = new List<IReadOnlyDictionary<string, JsonElement>> { Row(("a", "1")), Row(("a", "2"), (tooLong, "3")) };

        var (outcome, delta) = TelemetryPush.Apply(state, new PushedBatch("b1", null, null, rows), Now, Day, Now);

        Assert.Equal($"[1].{tooLong}", outcome.Refused?.Field);
        Assert.Equal(0, outcome.Accepted);
        Assert.Same(TelemetryDelta.None, delta);
        Assert.Empty(state.Windows);
        Assert.False(state.HasBatch("b1"));
    }

    [Fact]
    public void Apply_WhenTheWindowIsAlreadyClosed_AcceptsTheBatchButCountsItsRowsAsLate()
    {
        var recordedAt = Now - (2 * Day);
        var state = new TelemetryState { ClosedThrough = TelemetryState.AlignedStart(Now - Day, Day) };

        var (outcome, delta) = TelemetryPush.Apply(state, Batch("b1", rowCount: 4, modelVersion: "v1"), recordedAt, Day, Now);

        Assert.Equal(4, outcome.Accepted);
        Assert.False(outcome.Duplicate);
        Assert.Same(TelemetryDelta.None, delta);
        Assert.Empty(state.Windows);
        Assert.Equal(1, state.LateRows);
        Assert.True(state.HasBatch("b1"));
    }

    private static PushedBatch Batch(string id, int rowCount, string? modelVersion) =>
        new(id, modelVersion, null, [.. Enumerable.Range(0, rowCount).Select(i => Row(("x", i.ToString(System.Globalization.CultureInfo.InvariantCulture))))]);

    private static Dictionary<string, JsonElement> Row(params (string Name, string Json)[] cells) =>
        cells.ToDictionary(c => c.Name, c => JsonDocument.Parse(c.Json).RootElement.Clone(), StringComparer.Ordinal);
}
