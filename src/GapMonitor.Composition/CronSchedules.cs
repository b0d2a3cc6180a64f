using NCrontab;

namespace GapMonitor.Composition;

/// <summary>The six-field NCRONTAB expressions (with seconds) of the timers, as the Functions host reads them too.</summary>
public static class CronSchedules
{
    private static readonly CrontabSchedule.ParseOptions WithSeconds = new() { IncludingSeconds = true };

    public static bool IsValid(string? expression) =>
        expression is not null && CrontabSchedule.TryParse(expression, WithSeconds) is not null;

    public static CrontabSchedule Parse(string expression) => CrontabSchedule.Parse(expression, WithSeconds);

    /// <summary>How early a timer may fire and still run for the occurrence it was set for.</summary>
    public static readonly TimeSpan EarlyFiring = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan[] LookBacks =
        [TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(32), TimeSpan.FromDays(367), TimeSpan.FromDays(5 * 366)];

    /// <summary>
    /// The occurrence a timer that fired at <paramref name="firedAt"/> runs for: the latest at or before it (or up to
    /// <see cref="EarlyFiring"/> after it, for a timer that fires a moment early). Hosts that fire for one occurrence, a
    /// few milliseconds apart or late, name the same instant: the one the standalone host's scheduler waits for.
    /// </summary>
    public static DateTimeOffset OccurrenceAt(CrontabSchedule schedule, DateTimeOffset firedAt)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var before = (firedAt + EarlyFiring).UtcDateTime;
        foreach (var lookBack in LookBacks)
        {
            // Occurrences after the first argument and before the second.
            if (schedule.GetNextOccurrences(before - lookBack, before).LastOrDefault() is var latest && latest != default)
            {
                return new DateTimeOffset(latest, TimeSpan.Zero);
            }
        }

        throw new ArgumentException($"The schedule '{schedule}' has no occurrence in the five years before {firedAt:O}.", nameof(schedule));
    }
}
