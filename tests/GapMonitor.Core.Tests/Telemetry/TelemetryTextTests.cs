using GapMonitor.Core.Telemetry;

namespace GapMonitor.Core.Tests.Telemetry;

public sealed class TelemetryTextTests
{
    [Fact]
    public void Truncate_KeepsShortTextAndCutsLongTextToTheBoundWithAMarker()
    {
        Assert.Null(TelemetryText.Truncate(null, 100));
        Assert.Equal("short", TelemetryText.Truncate("short", 100));
        var cut = TelemetryText.Truncate(new string('x', 5000), 100)!;
        Assert.Equal(100, cut.Length);
        Assert.EndsWith(TelemetryText.Marker, cut, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncate_NeverSplitsASurrogatePair()
    {
        var text = new string('x', 100 - TelemetryText.Marker.Length - 1) + "😀" + new string('y', 100);
        var cut = TelemetryText.Truncate(text, 100)!;
        Assert.Equal(99, cut.Length);
        Assert.DoesNotContain(cut, char.IsSurrogate);
    }
}
