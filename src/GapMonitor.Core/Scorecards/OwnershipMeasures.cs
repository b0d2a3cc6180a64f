using GapMonitor.Core.Ownership;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Scorecards;

/// <summary>
/// Continuous ownership, from the confirmation history kept on the system: each due date (the first after handover,
/// then <see cref="OwnershipSettings.ReconfirmEvery"/> after each confirmation) is met when a confirmation came by
/// then. Measures the share of due dates in the period that were met, and the days in the period a confirmation was overdue.
/// </summary>
public static class OwnershipMeasures
{
    public const string ConfirmedOnTimeShare = "confirmed-on-time-share";
    public const string DaysOverdue = "days-overdue";
    public const double ConfirmedOnTimeTarget = 1;
    public const double DaysOverdueTarget = 0;

    /// <summary>One due date and the confirmation that answered it (null: none by the end of the period).</summary>
    public sealed record DueDate(DateTimeOffset Due, DateTimeOffset? ConfirmedAt)
    {
        public bool MetOnTime => ConfirmedAt <= Due;
    }

    public static IEnumerable<ScorecardMeasure> Measure(MonitoredSystem system, ScorecardPeriod period)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(period);
        if (system.Handover is null || !period.IsObserved)
        {
            var why = system.Handover is null ? "Ownership confirmation is not tracked for this system yet." : "Nothing was observed in the period.";
            yield return Measures.Of(ScorecardPractices.Ownership, ConfirmedOnTimeShare, null, ConfirmedOnTimeTarget, Measures.AtLeast, Measures.Share, why);
            yield return Measures.Of(ScorecardPractices.Ownership, DaysOverdue, null, DaysOverdueTarget, Measures.AtMost, Measures.Days, why);
            yield break;
        }

        var (dueDates, truncated) = DueDates(system, period.ObservedEnd);
        var note = truncated ? $" Only the latest {HandoverProgress.MaxConfirmations} confirmations are kept: earlier due dates are unknown." : "";
        var inPeriod = dueDates.Where(d => d.Due >= period.From && d.Due < period.ObservedEnd).ToList();
        var met = inPeriod.Count(d => d.MetOnTime);
        yield return inPeriod.Count == 0
            ? Measures.Of(ScorecardPractices.Ownership, ConfirmedOnTimeShare, null, ConfirmedOnTimeTarget, Measures.AtLeast, Measures.Share,
                $"No confirmation fell due in the period; the next is due {Measures.Time(dueDates[^1].Due)}.{note}")
            : Measures.Of(ScorecardPractices.Ownership, ConfirmedOnTimeShare, met / (double)inPeriod.Count, ConfirmedOnTimeTarget, Measures.AtLeast, Measures.Share,
                $"{met} of {inPeriod.Count} confirmation(s) due in the period came on time.{note}");

        if (dueDates[0].Due >= period.ObservedEnd)
        {
            yield return Measures.Of(ScorecardPractices.Ownership, DaysOverdue, null, DaysOverdueTarget, Measures.AtMost, Measures.Days,
                $"The first confirmation is due {Measures.Time(dueDates[0].Due)}, after the period.");
            yield break;
        }

        var overdue = dueDates.Aggregate(TimeSpan.Zero, (sum, d) => sum + period.ObservedOverlap(d.Due, d.ConfirmedAt ?? period.ObservedEnd));
        yield return Measures.Of(ScorecardPractices.Ownership, DaysOverdue, overdue.TotalDays, DaysOverdueTarget, Measures.AtMost, Measures.Days,
            $"A confirmation of ownership was overdue for {Measures.Number(overdue.TotalDays)} day(s) of the observed period.{note}");
    }

    /// <summary>
    /// Every due date up to <paramref name="end"/> and the first one after, oldest first, each with the confirmation
    /// that answered it; confirmations after <paramref name="end"/> are not known yet. Truncated when the oldest kept
    /// confirmation may not be the first (the chain then starts at it).
    /// </summary>
    public static (IReadOnlyList<DueDate> DueDates, bool Truncated) DueDates(MonitoredSystem system, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(system);
        var confirmations = (system.Handover?.Confirmations ?? []).Where(c => c.At < end).OrderBy(c => c.At).ToList();
        var truncated = system.Handover?.Confirmations.Count >= HandoverProgress.MaxConfirmations;
        var dueDates = new List<DueDate>();
        var due = OwnershipRules.FirstDueAt(system);
        foreach (var (confirmation, index) in confirmations.Select((c, i) => (c, i)))
        {
            if (!(truncated && index == 0))
            {
                dueDates.Add(new DueDate(due, confirmation.At));
            }

            due = confirmation.At + system.Ownership.ReconfirmEvery;
        }

        dueDates.Add(new DueDate(due, null));
        return (dueDates, truncated);
    }
}
