using GapMonitor.Core.Telemetry;

namespace GapMonitor.Core.Scorecards;

/// <summary>What the stored drift windows of a period add up to, counted page by page (windows are not kept).</summary>
public sealed class WindowTally
{
    private readonly Dictionary<string, DateTimeOffset> _firstSeen = new(StringComparer.Ordinal);

    /// <summary>Windows read (at most the cap).</summary>
    public int Read { get; private set; }

    /// <summary>Windows compared with the reference: with a drift report and input rows.</summary>
    public int Compared { get; private set; }

    /// <summary>Windows whose model performance was computed (realized or estimated metrics).</summary>
    public int Judged { get; private set; }

    /// <summary>More windows were stored than the cap allowed reading.</summary>
    public bool Capped { get; set; }

    /// <summary>Each model version the windows' telemetry reports, with the end of the earliest window it appears in.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> FirstSeen => _firstSeen;

    /// <summary>Counts a window that lies in the observed part of the period.</summary>
    public void Add(DriftWindowRecord window)
    {
        ArgumentNullException.ThrowIfNull(window);
        Read++;
        Compared += window.ReportJson is not null && window.Rows > 0 ? 1 : 0;
        Judged += window.Performance is { } p && (p.Realized is not null || p.Estimated is not null) ? 1 : 0;
        foreach (var version in window.ModelVersions.Where(v => v.Value > 0).Select(v => v.Key))
        {
            See(version, window.WindowEnd);
        }
    }

    /// <summary>A version reported by telemetry by <paramref name="by"/> at the latest.</summary>
    public void See(string version, DateTimeOffset by)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!_firstSeen.TryGetValue(version, out var known) || by < known)
        {
            _firstSeen[version] = by;
        }
    }
}
