using System.Text.Json;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Telemetry;
using GapMonitor.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace GapMonitor.Core.Tests.Telemetry;

/// <summary>
/// A push checks one batch against the column bounds and writes it to the pushed-telemetry log (the log itself and the
/// fold at the next pull are tested against Azurite in the Infrastructure tests); it reads no telemetry state.
/// </summary>
public class TelemetryPushTests
{
    private static readonly DateTimeOffset Now = SystemBuilder.Epoch + TimeSpan.FromHours(5) + TimeSpan.FromMinutes(20);

    [Fact]
    public async Task PushAsync_WhenNewBatch_WritesItOnceAtItsRecordTimeAndAnswersItsWindow()
    {
        var log = new Mock<IPushedTelemetryLog>(MockBehavior.Strict);
        var system = new SystemBuilder().WithId("push-sys").Build();
        var at = Now - TimeSpan.FromDays(2) - TimeSpan.FromMinutes(5);
        var batch = Batch("b1", at, Row("""{"x": 1}"""), Row("""{"x": 2}"""));
        log.Setup(l => l.AppendAsync("push-sys", batch, at, Now, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var outcome = await new TelemetryPush(log.Object, new FakeTimeProvider(Now)).PushAsync(system, batch);

        Assert.Equal(new PushOutcome(TelemetryState.AlignedStart(at, system.DriftWindowLength()), Duplicate: false, 2, null), outcome);
        log.Verify(l => l.AppendAsync("push-sys", batch, at, Now, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task PushAsync_WithoutRecordTime_UsesTheArrival()
    {
        var log = new Mock<IPushedTelemetryLog>(MockBehavior.Strict);
        var system = new SystemBuilder().Build();
        var batch = Batch("b1", null, Row("""{"x": 1}"""));
        log.Setup(l => l.AppendAsync(system.Id, batch, Now, Now, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var outcome = await new TelemetryPush(log.Object, new FakeTimeProvider(Now)).PushAsync(system, batch);

        Assert.Equal(TelemetryState.AlignedStart(Now, system.DriftWindowLength()), outcome.WindowStart);
    }

    [Fact]
    public async Task PushAsync_WhenTheLogHasTheBatchId_IsADuplicateTakingNothingIn()
    {
        var log = new Mock<IPushedTelemetryLog>();
        log.Setup(l => l.AppendAsync(It.IsAny<string>(), It.IsAny<PushedBatch>(), It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var outcome = await new TelemetryPush(log.Object, new FakeTimeProvider(Now)).PushAsync(new SystemBuilder().Build(), Batch("b1", null, Row("""{"x": 1}""")));

        Assert.True(outcome.Duplicate);
        Assert.Equal(0, outcome.Accepted);
    }

    [Fact]
    public async Task PushAsync_WhenAColumnNameIsTooLong_RefusesTheWholeBatchNamingTheField_AndWritesNothing()
    {
        var log = new Mock<IPushedTelemetryLog>(MockBehavior.Strict);
        var tooLong = new string('c', ColumnAdmission.MaxNameLength + 1);

        var outcome = await new TelemetryPush(log.Object, new FakeTimeProvider(Now)).PushAsync(
            new SystemBuilder().Build(), Batch("b1", null, Row("""{"a": 1}"""), Row($$"""{"a": 2, "{{tooLong}}": 3}""")));

        Assert.Equal($"[1].{tooLong}", outcome.Refused?.Field);
        Assert.Equal(0, outcome.Accepted);
        log.VerifyNoOtherCalls();
    }

    [Fact]
    public void RefusedColumn_CountsDistinctColumnsOfTheBatchOnly()
    {
        var names = Enumerable.Range(0, ColumnAdmission.MaxColumns).Select(i => $"c{i}").ToArray();
        var full = Row(JsonSerializer.Serialize(names.ToDictionary(n => n, _ => 1)));

        Assert.Null(TelemetryPush.RefusedColumn([full, full]));
        var refused = TelemetryPush.RefusedColumn([full, Row("""{"c0": 1, "one-more": 2}""")]);
        Assert.Equal("[1].one-more", refused?.Field);
    }

    private static PushedBatch Batch(string id, DateTimeOffset? at, params JsonElement[] rows) => new(id, null, at, rows);

    private static JsonElement Row(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
