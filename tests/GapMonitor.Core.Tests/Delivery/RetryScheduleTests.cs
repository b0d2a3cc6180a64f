using GapMonitor.Core.Delivery;

namespace GapMonitor.Core.Tests.Delivery;

public class RetryScheduleTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Max = TimeSpan.FromHours(1);
    private static readonly TimeSpan Horizon = TimeSpan.FromHours(24);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 240)]
    [InlineData(7, 1920)]
    public void DelayAfter_WhenRandomIsAtTop_DoublesWithEachAttempt(int attempts, int expectedSeconds)
    {
        var schedule = new RetrySchedule(Base, Max, Horizon, () => 1.0);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), schedule.DelayAfter(attempts, retryAfter: null));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(30)]
    [InlineData(31)]
    [InlineData(int.MaxValue)]
    public void DelayAfter_WhenManyAttempts_IsCappedAtMaxDelay(int attempts)
    {
        var schedule = new RetrySchedule(Base, Max, Horizon, () => 1.0);

        Assert.Equal(Max, schedule.DelayAfter(attempts, retryAfter: null));
    }

    [Theory]
    [InlineData(0.0, 15)]
    [InlineData(0.5, 22.5)]
    [InlineData(0.999999, 29.99997)]
    public void DelayAfter_WhenJittered_StaysBetweenHalfTheCeilingAndTheCeiling(double random, double expectedSeconds)
    {
        var schedule = new RetrySchedule(Base, Max, Horizon, () => random);

        var delay = schedule.DelayAfter(1, retryAfter: null);

        Assert.Equal(expectedSeconds, delay.TotalSeconds, precision: 3);
        Assert.InRange(delay, Base / 2, Base);
    }

    [Fact]
    public void DelayAfter_WhenRandomIsNotInjected_StaysWithinJitterBounds()
    {
        var schedule = new RetrySchedule(Base, Max, Horizon);

        for (var i = 0; i < 200; i++)
        {
            Assert.InRange(schedule.DelayAfter(3, retryAfter: null), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120));
        }
    }

    [Fact]
    public void DelayAfter_WhenRetryAfterIsLongerThanBackoff_WaitsAsAsked()
    {
        var schedule = new RetrySchedule(Base, Max, Horizon, () => 1.0);

        Assert.Equal(TimeSpan.FromMinutes(10), schedule.DelayAfter(1, TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void DelayAfter_WhenRetryAfterIsShorterThanBackoff_KeepsBackoff()
    {
        var schedule = new RetrySchedule(Base, Max, Horizon, () => 1.0);

        Assert.Equal(TimeSpan.FromSeconds(120), schedule.DelayAfter(3, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void DelayAfter_WhenRetryAfterExceedsMaxDelay_IsCappedAtMaxDelay()
    {
        var schedule = new RetrySchedule(Base, Max, Horizon, () => 0.0);

        Assert.Equal(Max, schedule.DelayAfter(1, TimeSpan.FromDays(2)));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(24 * 3600, false)]
    [InlineData(24 * 3600 + 1, true)]
    public void ShouldGiveUp_WhenNextAttemptIsPastHorizon_GivesUp(int secondsAfterCreation, bool expected)
    {
        var schedule = new RetrySchedule(Base, Max, Horizon);
        var created = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

        Assert.Equal(expected, schedule.ShouldGiveUp(created, created + TimeSpan.FromSeconds(secondsAfterCreation)));
    }

    [Fact]
    public void Default_WhenFollowedToTheEnd_GivesUpAfterAboutADayOfAttempts()
    {
        var schedule = RetrySchedule.Default;
        var created = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        var next = created;
        var attempts = 0;
        do
        {
            attempts++;
            next += schedule.DelayAfter(attempts, retryAfter: null);
        }
        while (!schedule.ShouldGiveUp(created, next));

        Assert.Equal(TimeSpan.FromHours(24), schedule.GiveUpAfter);
        Assert.InRange(attempts, 20, 60);
    }
}
