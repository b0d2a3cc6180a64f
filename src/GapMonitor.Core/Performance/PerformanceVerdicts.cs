using GapMonitor.Core.Systems;
using GapMonitor.Drift.Performance;

namespace GapMonitor.Core.Performance;

/// <summary>Records a judged window on the system's <see cref="PerformanceSignal"/>, which the sweep turns into alerts.</summary>
public static class PerformanceVerdicts
{
    public static MonitoredSystem Record(MonitoredSystem system, DateTimeOffset windowStart, DateTimeOffset windowEnd, WindowPerformance performance)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(performance);
        var previous = system.Signals.Performance;
        var minimum = system.Performance?.MinimumRowsToJudge ?? 1;
        var realized = performance.Realized is null || performance.LabeledRows < minimum
            ? previous?.Realized
            : PerformanceJudgment.Next(previous?.Realized, windowStart, windowEnd, Breaches(performance, PerformanceAlert.Realized), performance.LabeledRows);
        var estimated = performance.Estimated is null || performance.Rows < minimum
            ? previous?.Estimated
            : PerformanceJudgment.Next(previous?.Estimated, windowStart, windowEnd, Breaches(performance, PerformanceAlert.Estimated), performance.Rows);
        var next = new PerformanceSignal(realized, estimated);
        return next == previous ? system : system with { Signals = system.Signals with { Performance = next } };
    }

    private static List<MetricBreach> Breaches(WindowPerformance performance, string source) =>
        [.. performance.Alerts.Where(a => a.Source == source).Select(a => new MetricBreach(a.Metric, a.Value, a.Lower, a.Upper))];
}
