using GapMonitor.Core.Telemetry;
using GapMonitor.Drift.Profiles;

namespace GapMonitor.Core.Tests.Telemetry;

public class WindowAlignmentTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void AlignedStart_OfAMomentInsideAWindow_IsTheStartOfThatWindow()
    {
        var start = TelemetryState.AlignedStart(new DateTimeOffset(2026, 3, 2, 8, 42, 17, 123, TimeSpan.Zero), Hour);

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), start);
    }

    [Fact]
    public void AlignedStart_OfAWindowBoundary_IsThatBoundary()
    {
        var boundary = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(boundary, TelemetryState.AlignedStart(boundary, Hour));
        Assert.Equal(boundary - Hour, TelemetryState.AlignedStart(boundary - TimeSpan.FromTicks(1), Hour));
    }

    [Fact]
    public void AlignedStart_OfATimeWithAnOffset_IsAlignedInUtc()
    {
        // 01:30 at +02:00 is 23:30 UTC the day before: its day window starts at that day's UTC midnight.
        var start = TelemetryState.AlignedStart(new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.FromHours(2)), TimeSpan.FromDays(1));

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(TimeSpan.Zero, start.Offset);
    }

    [Fact]
    public void WindowFor_RecordsOfOneWindow_ShareItsProfile_AndTheNextWindowOpensAnother()
    {
        var state = new TelemetryState();
        var at = new DateTimeOffset(2026, 3, 2, 8, 5, 0, TimeSpan.Zero);

        var first = state.WindowFor(at, Hour, ProfileSettings.Default);
        var sameWindow = state.WindowFor(at.AddMinutes(50), Hour, ProfileSettings.Default);
        var nextWindow = state.WindowFor(at.AddMinutes(55), Hour, ProfileSettings.Default);

        Assert.Same(first, sameWindow);
        Assert.NotSame(first, nextWindow);
        Assert.Equal([at.AddMinutes(-5), at.AddMinutes(55)], state.Windows.Keys);
    }

    [Fact]
    public void WindowFor_AWindowAlreadyClosed_CountsTheRecordAsLate()
    {
        var closed = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        var state = new TelemetryState { ClosedThrough = closed };

        var late = state.WindowFor(closed.AddMinutes(59), Hour, ProfileSettings.Default);
        var open = state.WindowFor(closed.AddMinutes(60), Hour, ProfileSettings.Default);

        Assert.Null(late);
        Assert.NotNull(open);
        Assert.Equal(1, state.LateRows);
        Assert.Equal([closed + Hour], state.Windows.Keys);
    }
}
