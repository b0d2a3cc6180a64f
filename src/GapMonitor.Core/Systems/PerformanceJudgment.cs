namespace GapMonitor.Core.Systems;

/// <summary>
/// The latest window judged on one source of performance (realized or estimated): the metrics outside their thresholds
/// and how many windows in a row were clean. Labels can update the same window again, so the streak before it is kept.
/// </summary>
public sealed record PerformanceJudgment
{
    private readonly ValueList<MetricBreach> _breaches = ValueList<MetricBreach>.Empty;

    public required DateTimeOffset WindowStart { get; init; }

    public required DateTimeOffset WindowEnd { get; init; }

    public IReadOnlyList<MetricBreach> Breaches { get => _breaches; init => _breaches = new(value); }

    /// <summary>Consecutive clean windows up to and including this one.</summary>
    public int CleanStreak { get; init; }

    /// <summary>Consecutive clean windows before this one.</summary>
    public int CleanStreakBefore { get; init; }

    /// <summary>Labeled rows (realized) or rows (estimated) the metrics were computed on.</summary>
    public long Rows { get; init; }

    /// <summary>Judges <paramref name="windowStart"/>: a newer window extends the streak, the same window (labels arrived) replaces its verdict, an older one changes nothing.</summary>
    public static PerformanceJudgment? Next(PerformanceJudgment? previous, DateTimeOffset windowStart, DateTimeOffset windowEnd, IReadOnlyList<MetricBreach> breaches, long rows)
    {
        if (previous is not null && previous.WindowStart > windowStart)
        {
            return previous;
        }

        var before = previous is null ? 0 : previous.WindowStart == windowStart ? previous.CleanStreakBefore : previous.CleanStreak;
        return new PerformanceJudgment
        {
            WindowStart = windowStart,
            WindowEnd = windowEnd,
            Breaches = breaches,
            CleanStreakBefore = before,
            CleanStreak = breaches.Count > 0 ? 0 : before + 1,
            Rows = rows,
        };
    }
}
