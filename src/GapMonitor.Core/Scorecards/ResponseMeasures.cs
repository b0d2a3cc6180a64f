using System.Xml;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Scorecards;

/// <summary>
/// Continuous response, over the alerts opened in the period: the median hours to acknowledge and to resolve, and how
/// many escalated. An alert still waiting at the end of the period (or resolved without an acknowledgement) counts
/// with its wait so far once that wait exceeds the target (it is a known miss), and is left out before (its outcome is unknown).
/// </summary>
public static class ResponseMeasures
{
    public const string MedianHoursToAcknowledge = "median-hours-to-acknowledge";
    public const string MedianHoursToResolve = "median-hours-to-resolve";
    public const string Escalations = "escalations";
    public static readonly TimeSpan ResolveTarget = TimeSpan.FromDays(7);
    public const double EscalationsTarget = 0;

    public static IEnumerable<ScorecardMeasure> Measure(MonitoredSystem system, ScorecardPeriod period, ScorecardHistory history)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(history);
        var opened = history.OpenedInPeriod;
        var cap = Measures.CapNote(history.AlertsCapped, ScorecardHistoryReader.AlertCap, "alerts");
        var sla = system.AcknowledgeWithin;

        var toAcknowledge = opened.Select(a => AlertWait.ForAcknowledgement(a, period.End, resolutionAnswers: false)).OfType<AlertWait>().Where(w => w.IsKnown(sla)).ToList();
        yield return Measures.Of(ScorecardPractices.Response, MedianHoursToAcknowledge, Measures.Median([.. toAcknowledge.Select(w => w.Wait.TotalHours)]), sla.TotalHours, Measures.AtMost, Measures.Hours,
            toAcknowledge.Count == 0
                ? $"No alert opened in the period was acknowledged, or waited unacknowledged past {XmlConvert.ToString(sla)}.{cap}"
                : $"Over {toAcknowledge.Count} alert(s): {toAcknowledge.Count(w => w.Answered)} acknowledged, {toAcknowledge.Count(w => !w.Answered)} left waiting past {XmlConvert.ToString(sla)}.{cap}");

        var toResolve = opened.Select(a => AlertWait.ForResolution(a, period.End)).Where(w => w.IsKnown(ResolveTarget)).ToList();
        yield return Measures.Of(ScorecardPractices.Response, MedianHoursToResolve, Measures.Median([.. toResolve.Select(w => w.Wait.TotalHours)]), ResolveTarget.TotalHours, Measures.AtMost, Measures.Hours,
            toResolve.Count == 0
                ? $"No alert opened in the period was resolved, or stayed open past {XmlConvert.ToString(ResolveTarget)}.{cap}"
                : $"Over {toResolve.Count} alert(s): {toResolve.Count(w => w.Answered)} resolved, {toResolve.Count(w => !w.Answered)} still open past {XmlConvert.ToString(ResolveTarget)}.{cap}");

        var escalated = opened.Count(a => IsEscalation(a, period.End));
        yield return opened.Count == 0
            ? Measures.Of(ScorecardPractices.Response, Escalations, null, EscalationsTarget, Measures.AtMost, Measures.Count, "No alert opened in the period.")
            : Measures.Of(ScorecardPractices.Response, Escalations, escalated, EscalationsTarget, Measures.AtMost, Measures.Count,
                $"{escalated} of {opened.Count} alert(s) opened in the period escalated: nobody acknowledged them within {XmlConvert.ToString(sla)}.{cap}");
    }

    /// <summary>
    /// Escalated by <paramref name="end"/> for want of an acknowledgement; kinds that go to both parties at opening count
    /// as escalated from the start by design and are not counted.
    /// </summary>
    public static bool IsEscalation(Alert alert, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return !AlertKinds.ToBothParties.Contains(alert.Kind) && alert.EscalatedAt is { } at && at < end;
    }
}
