using GapMonitor.Core.Alerts;

namespace GapMonitor.Core.Scorecards;

/// <summary>How long an alert waited for an answer, as of the end of a period.</summary>
/// <param name="Wait">From the clock's start (the opening; the reopening when the stored acknowledgement followed it; the end of a silence that held it) to the answer, or to its resolution or the end of the period when none came.</param>
/// <param name="Answered">An answer came by the end of the period.</param>
public sealed record AlertWait(TimeSpan Wait, bool Answered)
{
    /// <summary>Whether the outcome is known against <paramref name="target"/>: answered, or already waiting longer.</summary>
    public bool IsKnown(TimeSpan target) => Answered || Wait > target;

    public bool IsMet(TimeSpan target) => Answered && Wait <= target;

    /// <param name="resolutionAnswers">A resolution counts as the answer too (the problem went away or was fixed).</param>
    /// <returns>Null while a silence holds the alert's clocks (nobody was told).</returns>
    public static AlertWait? ForAcknowledgement(Alert alert, DateTimeOffset end, bool resolutionAnswers)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var acknowledged = alert.AcknowledgedAt is { } at && at <= end ? at : (DateTimeOffset?)null;
        var resolved = alert.ResolvedAt is { } r && r <= end ? r : (DateTimeOffset?)null;
        var start = alert.ReopenedAt is { } reopened && acknowledged >= reopened ? reopened : alert.OpenedAt;
        if (alert.UnsilencedAt is { } unsilenced && unsilenced > start && unsilenced <= end && !(acknowledged < unsilenced))
        {
            start = unsilenced;
        }
        else if (alert.Silenced && acknowledged is null)
        {
            return null;
        }

        var answer = acknowledged ?? (resolutionAnswers ? resolved : null);
        var stop = answer ?? resolved ?? end;
        return stop < start ? null : new AlertWait(stop - start, answer is not null);
    }

    /// <summary>From the opening to the resolution, or to the end of the period while unresolved.</summary>
    public static AlertWait ForResolution(Alert alert, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return alert.ResolvedAt is { } resolved && resolved <= end
            ? new AlertWait(resolved - alert.OpenedAt, true)
            : new AlertWait(end - alert.OpenedAt, false);
    }
}
