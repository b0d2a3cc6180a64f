using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Scorecards;

/// <summary>
/// Continuous deployment: of the model versions telemetry reported in the period, the share a deployment event announced
/// (or the registration named) by the end of the first window that reported it.
/// </summary>
public static class DeploymentMeasures
{
    public const string AnnouncedShare = "announced-version-share";
    public const double AnnouncedShareTarget = 1;

    public static IEnumerable<ScorecardMeasure> Measure(MonitoredSystem system, ScorecardPeriod period, ScorecardHistory history)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(history);
        var seen = history.Windows?.FirstSeen ?? new Dictionary<string, DateTimeOffset>();
        if (seen.Count == 0)
        {
            yield return Measures.Of(ScorecardPractices.Deployment, AnnouncedShare, null, AnnouncedShareTarget, Measures.AtLeast, Measures.Share,
                history.Windows is null ? "No telemetry: no model version was seen." : "Telemetry reported no model version in the period.");
            yield break;
        }

        var unannounced = seen
            .Where(v => !string.Equals(v.Key, system.Model?.Version, StringComparison.Ordinal)
                && !history.Deployments.Any(d => string.Equals(d.ModelVersion, v.Key, StringComparison.Ordinal) && d.At <= v.Value))
            .Select(v => v.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        var detail = $"{seen.Count - unannounced.Count} of {seen.Count} model version(s) seen in telemetry were announced by a deployment event"
            + (unannounced.Count > 0 ? $"; not announced: {string.Join(", ", unannounced.Take(10))}." : ".")
            + Measures.CapNote(history.DeploymentsCapped, ScorecardHistoryReader.DeploymentCap, "deployment events");
        yield return Measures.Of(ScorecardPractices.Deployment, AnnouncedShare, (seen.Count - unannounced.Count) / (double)seen.Count, AnnouncedShareTarget, Measures.AtLeast, Measures.Share, detail);
    }
}
