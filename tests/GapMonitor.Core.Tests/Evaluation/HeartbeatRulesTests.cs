using GapMonitor.Core.Evaluation;
using GapMonitor.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Core.Tests.Evaluation;

public class HeartbeatRulesTests
{
    private static readonly TimeSpan Period = TimeSpan.FromHours(1);
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    private readonly FakeTimeProvider _time = new(SystemBuilder.Epoch);

    public static TheoryData<TimeSpan, HeartbeatState> SinceLastHeartbeat => new()
    {
        { TimeSpan.Zero, HeartbeatState.Up },
        { Period - Tick, HeartbeatState.Up },
        { Period, HeartbeatState.Up },
        { Period + Tick, HeartbeatState.Late },
        { Period + Grace, HeartbeatState.Late },
        { Period + Grace + Tick, HeartbeatState.Down },
        { TimeSpan.FromDays(3), HeartbeatState.Down },
    };

    [Theory]
    [MemberData(nameof(SinceLastHeartbeat))]
    public void StateAt_WhenTimeHasPassedSinceLastHeartbeat_BoundariesBelongToTheEarlierState(TimeSpan elapsed, HeartbeatState expected)
    {
        var lastHeartbeat = _time.GetUtcNow();
        var system = new SystemBuilder().WithHeartbeatEvery(Period, Grace).WithLastHeartbeat(lastHeartbeat).Build();

        _time.Advance(elapsed);

        Assert.Equal(expected, HeartbeatRules.StateAt(system, _time.GetUtcNow()));
    }

    public static TheoryData<TimeSpan, HeartbeatState> SinceFutureHandover => new()
    {
        { -TimeSpan.FromDays(1), HeartbeatState.New },
        { TimeSpan.Zero, HeartbeatState.New },
        { Period, HeartbeatState.New },
        { Period + Tick, HeartbeatState.Late },
        { Period + Grace, HeartbeatState.Late },
        { Period + Grace + Tick, HeartbeatState.Down },
    };

    [Theory]
    [MemberData(nameof(SinceFutureHandover))]
    public void StateAt_WhenNoHeartbeatAndHandoverAfterRegistration_ClockStartsAtHandover(TimeSpan sinceHandover, HeartbeatState expected)
    {
        var registeredAt = _time.GetUtcNow();
        var handoverAt = registeredAt + TimeSpan.FromDays(7);
        var system = new SystemBuilder().RegisteredAt(registeredAt).HandedOverAt(handoverAt).WithHeartbeatEvery(Period, Grace).Build();

        _time.SetUtcNow(handoverAt + sinceHandover);

        Assert.Equal(expected, HeartbeatRules.StateAt(system, _time.GetUtcNow()));
    }

    [Fact]
    public void StateAt_WhenRegistrationLongPastButHandoverInFuture_StaysNew()
    {
        var registeredAt = _time.GetUtcNow();
        var system = new SystemBuilder().RegisteredAt(registeredAt).HandedOverAt(registeredAt + TimeSpan.FromDays(7)).WithHeartbeatEvery(Period, Grace).Build();

        _time.Advance(TimeSpan.FromDays(6));

        Assert.Equal(HeartbeatState.New, HeartbeatRules.StateAt(system, _time.GetUtcNow()));
    }

    public static TheoryData<TimeSpan, HeartbeatState> SinceRegistrationAfterHandover => new()
    {
        { TimeSpan.Zero, HeartbeatState.New },
        { Period, HeartbeatState.New },
        { Period + Tick, HeartbeatState.Late },
        { Period + Grace, HeartbeatState.Late },
        { Period + Grace + Tick, HeartbeatState.Down },
    };

    [Theory]
    [MemberData(nameof(SinceRegistrationAfterHandover))]
    public void StateAt_WhenNoHeartbeatAndRegisteredAfterHandover_ClockStartsAtRegistration(TimeSpan sinceRegistration, HeartbeatState expected)
    {
        var registeredAt = _time.GetUtcNow();
        var system = new SystemBuilder().HandedOverAt(registeredAt - TimeSpan.FromDays(10)).RegisteredAt(registeredAt).WithHeartbeatEvery(Period, Grace).Build();

        _time.Advance(sinceRegistration);

        Assert.Equal(expected, HeartbeatRules.StateAt(system, _time.GetUtcNow()));
    }

    [Fact]
    public void SilenceStartedAt_WhenHeartbeatReceived_IsTheLatestHeartbeatEvenIfHandoverIsLater()
    {
        var heartbeatAt = _time.GetUtcNow();
        var system = new SystemBuilder().HandedOverAt(heartbeatAt + TimeSpan.FromDays(1)).WithLastHeartbeat(heartbeatAt).Build();

        Assert.Equal(heartbeatAt, HeartbeatRules.SilenceStartedAt(system));
    }

    [Fact]
    public void DownAfter_WhenNoHeartbeat_IsLaterOfHandoverAndRegistrationPlusPeriodAndGrace()
    {
        var handoverAt = _time.GetUtcNow() + TimeSpan.FromDays(2);
        var system = new SystemBuilder().RegisteredAt(_time.GetUtcNow()).HandedOverAt(handoverAt).WithHeartbeatEvery(Period, Grace).Build();

        Assert.Equal(handoverAt + Period + Grace, HeartbeatRules.DownAfter(system));
    }
}
