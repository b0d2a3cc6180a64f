using GapMonitor.Core.Performance;
using GapMonitor.Core.Systems;

namespace GapMonitor.Api.Contracts;

/// <summary>Performance of windows and verdicts on systems as the API shows them.</summary>
public static class PerformanceMapping
{
    public static WindowPerformanceResponse ToResponse(this WindowPerformance performance)
    {
        ArgumentNullException.ThrowIfNull(performance);
        return new WindowPerformanceResponse(
            performance.Rows,
            performance.LabeledRows,
            performance.Realized,
            performance.Estimated,
            performance.Thresholds.ToDictionary(t => t.Key, t => new MetricThresholdResponse(t.Value.Lower, t.Value.Upper), StringComparer.Ordinal),
            [.. performance.Alerts.Select(a => new PerformanceAlertResponse(a.Metric, a.Source, a.Value, a.Lower, a.Upper))],
            performance.Note);
    }

    public static PerformanceStatusResponse ToResponse(this PerformanceSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return new PerformanceStatusResponse(Verdict(signal.Realized), Verdict(signal.Estimated));
    }

    private static PerformanceVerdictResponse? Verdict(PerformanceJudgment? judgment) => judgment is null
        ? null
        : new PerformanceVerdictResponse(
            judgment.WindowStart,
            judgment.WindowEnd,
            judgment.Rows,
            [.. judgment.Breaches.Select(b => new MetricBreachResponse(b.Metric, b.Value, b.Lower, b.Upper))],
            judgment.CleanStreak);
}
