using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Scorecards;

/// <summary>The period a scorecard measures, and the part of it during which the system was watched.</summary>
/// <param name="From">Start of the period, inclusive.</param>
/// <param name="To">End of the period as asked, exclusive.</param>
/// <param name="End">The end measured up to: <paramref name="To"/>, or now when that is earlier (the future holds nothing yet).</param>
/// <param name="ObservedStart"><paramref name="From"/>, or the registration when later.</param>
/// <param name="ObservedEnd"><paramref name="End"/>, or the retirement when earlier; never before <paramref name="ObservedStart"/>.</param>
public sealed record ScorecardPeriod(DateTimeOffset From, DateTimeOffset To, DateTimeOffset End, DateTimeOffset ObservedStart, DateTimeOffset ObservedEnd)
{
    public static ScorecardPeriod Of(MonitoredSystem system, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(system);
        var end = Min(to, now);
        var observedStart = Max(from, system.RegisteredAt);
        var observedEnd = system.RetiredAt is { } retired ? Min(end, retired) : end;
        return new ScorecardPeriod(from, to, end, observedStart, Max(observedStart, observedEnd));
    }

    /// <summary>How long the system was watched within the period.</summary>
    public TimeSpan Observed => ObservedEnd - ObservedStart;

    public bool IsObserved => ObservedEnd > ObservedStart;

    /// <summary>Whether <paramref name="at"/> lies in [<see cref="From"/>, <see cref="End"/>).</summary>
    public bool Contains(DateTimeOffset at) => at >= From && at < End;

    /// <summary>How much of [<paramref name="start"/>, <paramref name="end"/>) lies in the observed part.</summary>
    public TimeSpan ObservedOverlap(DateTimeOffset start, DateTimeOffset end)
    {
        var overlap = Min(end, ObservedEnd) - Max(start, ObservedStart);
        return overlap > TimeSpan.Zero ? overlap : TimeSpan.Zero;
    }

    internal static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    internal static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
