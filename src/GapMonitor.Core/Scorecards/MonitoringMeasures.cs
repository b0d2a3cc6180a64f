using GapMonitor.Core.Alerts;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Scorecards;

/// <summary>
/// Continuous monitoring: the share of the observed period during which no monitoring-silent or monitoring-failing
/// alert was active (from its opening to its resolution; overlapping alerts count once).
/// </summary>
public static class MonitoringMeasures
{
    public const string UpShare = "monitoring-up-share";
    public const double UpShareTarget = 0.99;

    public static IEnumerable<ScorecardMeasure> Measure(MonitoredSystem system, ScorecardPeriod period, ScorecardHistory history)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(history);
        if (!period.IsObserved)
        {
            yield return Measures.Of(ScorecardPractices.Monitoring, UpShare, null, UpShareTarget, Measures.AtLeast, Measures.Share,
                "The system was not registered (or was retired) during the period: nothing was observed.");
            yield break;
        }

        var down = Down(period, history.MonitoringAlerts);
        var observed = period.Observed;
        yield return Measures.Of(ScorecardPractices.Monitoring, UpShare, 1 - (down / observed), UpShareTarget, Measures.AtLeast, Measures.Share,
            $"Monitoring was silent or failing (an alert active) for {Measures.Number(down.TotalHours)} h of the {Measures.Number(observed.TotalHours)} h observed, {Measures.Time(period.ObservedStart)} to {Measures.Time(period.ObservedEnd)}.");
    }

    /// <summary>The union of the alerts' active spans within the observed period.</summary>
    public static TimeSpan Down(ScorecardPeriod period, IEnumerable<Alert> monitoringAlerts)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(monitoringAlerts);
        var spans = monitoringAlerts
            .Select(a => (Start: ScorecardPeriod.Max(a.OpenedAt, period.ObservedStart), End: ScorecardPeriod.Min(a.ResolvedAt ?? period.ObservedEnd, period.ObservedEnd)))
            .Where(s => s.End > s.Start)
            .OrderBy(s => s.Start)
            .ToList();
        var total = TimeSpan.Zero;
        DateTimeOffset? coveredUntil = null;
        foreach (var (start, end) in spans)
        {
            var from = coveredUntil is { } c && c > start ? c : start;
            if (end > from)
            {
                total += end - from;
                coveredUntil = end;
            }
        }

        return total;
    }
}
