using GapMonitor.Functions.Tests.Support;

namespace GapMonitor.Functions.Tests.Timers;

public sealed class TimerTriggerTests
{
    [Fact]
    public void TimerTriggers_Always_DoNotRunOnStartup()
    {
        Assert.NotEmpty(FunctionTriggers.Timers);
        Assert.All(FunctionTriggers.Timers, t => Assert.False(t.Trigger.RunOnStartup, $"{t.Name} runs on startup."));
    }

    [Fact]
    public void TimerTriggers_Always_ReadTheirScheduleFromAnAppSetting()
    {
        Assert.All(FunctionTriggers.Timers, t => Assert.Matches("^%[A-Za-z:]+%$", t.Trigger.Schedule));
    }
}
