using NCrontab;

namespace GapMonitor.Composition;

/// <summary>The six-field NCRONTAB expressions (with seconds) of the timers, as the Functions host reads them too.</summary>
public static class CronSchedules
{
    private static readonly CrontabSchedule.ParseOptions WithSeconds = new() { IncludingSeconds = true };

    public static bool IsValid(string? expression) =>
        expression is not null && CrontabSchedule.TryParse(expression, WithSeconds) is not null;

    public static CrontabSchedule Parse(string expression) => CrontabSchedule.Parse(expression, WithSeconds);
}
