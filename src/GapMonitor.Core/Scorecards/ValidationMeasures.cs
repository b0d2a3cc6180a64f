using System.Xml;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;

namespace GapMonitor.Core.Scorecards;

/// <summary>
/// Continuous validation: the share of the period's drift windows that were compared with the reference, the share
/// of drift alerts answered (acknowledged or resolved) within the acknowledgement SLA, and, when the model's
/// performance is watched, the share of windows whose performance was computed.
/// </summary>
public static class ValidationMeasures
{
    public const string WindowsComparedShare = "windows-compared-share";
    public const string DriftAcknowledgedShare = "drift-acknowledged-within-sla-share";
    public const string PerformanceJudgedShare = "performance-windows-judged-share";
    public const double WindowsComparedTarget = 0.95;
    public const double DriftAcknowledgedTarget = 1;
    public const double PerformanceJudgedTarget = 0.9;

    public static IEnumerable<ScorecardMeasure> Measure(MonitoredSystem system, ScorecardPeriod period, ScorecardHistory history)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(history);
        var length = system.DriftWindowLength();
        var expected = ExpectedWindows(period, length);
        var windows = history.Windows;
        var cap = Measures.CapNote(windows?.Capped == true, ScorecardHistoryReader.WindowCap, "windows");
        yield return windows is null
            ? Measures.Of(ScorecardPractices.Validation, WindowsComparedShare, null, WindowsComparedTarget, Measures.AtLeast, Measures.Share, "No telemetry configured or received: no drift windows are expected.")
            : expected == 0
                ? Measures.Of(ScorecardPractices.Validation, WindowsComparedShare, null, WindowsComparedTarget, Measures.AtLeast, Measures.Share, $"No whole drift window ({XmlConvert.ToString(length)}) fits in the observed period.")
                : Measures.Of(ScorecardPractices.Validation, WindowsComparedShare, Math.Min(1, windows.Compared / (double)expected), WindowsComparedTarget, Measures.AtLeast, Measures.Share,
                    $"{windows.Compared} of {expected} drift window(s) of {XmlConvert.ToString(length)} were compared with the reference.{cap}");

        yield return DriftAnswered(system, period, history);

        var performance = system.Performance is null || windows is null
            ? Measures.Of(ScorecardPractices.Validation, PerformanceJudgedShare, null, PerformanceJudgedTarget, Measures.AtLeast, Measures.Share, "The model's performance is not watched (no performance settings).")
            : expected == 0
                ? Measures.Of(ScorecardPractices.Validation, PerformanceJudgedShare, null, PerformanceJudgedTarget, Measures.AtLeast, Measures.Share, "No whole drift window fits in the observed period.")
                : Measures.Of(ScorecardPractices.Validation, PerformanceJudgedShare, Math.Min(1, windows.Judged / (double)expected), PerformanceJudgedTarget, Measures.AtLeast, Measures.Share,
                    $"{windows.Judged} of {expected} window(s) had their model performance computed (realized or estimated).{cap}");
        yield return performance;
    }

    /// <summary>The whole drift windows (aligned like the closer's) that fit in the observed part of the period.</summary>
    public static int ExpectedWindows(ScorecardPeriod period, TimeSpan length)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (!period.IsObserved)
        {
            return 0;
        }

        var first = TelemetryState.AlignedStart(period.ObservedStart, length);
        first = first < period.ObservedStart ? first + length : first;
        // A window that ended less than one window before the end cannot have closed yet: it is not expected.
        var last = TelemetryState.AlignedStart(period.ObservedEnd - length, length);
        return last > first ? (int)((last - first).Ticks / length.Ticks) : 0;
    }

    private static ScorecardMeasure DriftAnswered(MonitoredSystem system, ScorecardPeriod period, ScorecardHistory history)
    {
        var sla = system.AcknowledgeWithin;
        var waits = history.OpenedInPeriod
            .Where(a => a.Kind == AlertKinds.DriftDetected)
            .Select(a => AlertWait.ForAcknowledgement(a, period.End, resolutionAnswers: true))
            .OfType<AlertWait>()
            .Where(w => w.IsKnown(sla))
            .ToList();
        var cap = Measures.CapNote(history.AlertsCapped, ScorecardHistoryReader.AlertCap, "alerts");
        if (waits.Count == 0)
        {
            return Measures.Of(ScorecardPractices.Validation, DriftAcknowledgedShare, null, DriftAcknowledgedTarget, Measures.AtLeast, Measures.Share,
                $"No drift-detected alert opened in the period (or none waited past {XmlConvert.ToString(sla)} yet).{cap}");
        }

        var met = waits.Count(w => w.IsMet(sla));
        return Measures.Of(ScorecardPractices.Validation, DriftAcknowledgedShare, met / (double)waits.Count, DriftAcknowledgedTarget, Measures.AtLeast, Measures.Share,
            $"{met} of {waits.Count} drift-detected alert(s) opened in the period were acknowledged or resolved within {XmlConvert.ToString(sla)}.{cap}");
    }
}
