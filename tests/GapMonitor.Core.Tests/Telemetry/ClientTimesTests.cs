using GapMonitor.Core.Telemetry;
using GapMonitor.Testing;

namespace GapMonitor.Core.Tests.Telemetry;

public class ClientTimesTests
{
    public static TheoryData<TimeSpan, bool> Ahead => new()
    {
        { -TimeSpan.FromDays(1), false },
        { TimeSpan.Zero, false },
        { TimeSpan.FromMinutes(5), false },
        { TimeSpan.FromMinutes(5) + TimeSpan.FromTicks(1), true },
        { TimeSpan.FromHours(1), true },
    };

    [Theory]
    [MemberData(nameof(Ahead))]
    public void IsTooFarAhead_WhenTimeLiesAheadOfNow_RefusesMoreThanFiveMinutes(TimeSpan ahead, bool expected)
    {
        var now = SystemBuilder.Epoch;

        Assert.Equal(expected, ClientTimes.IsTooFarAhead(now + ahead, now));
    }
}
