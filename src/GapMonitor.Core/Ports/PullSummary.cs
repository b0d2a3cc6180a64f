namespace GapMonitor.Core.Ports;

/// <param name="Rows">Rows read in this pull.</param>
/// <param name="SystemsFailed">Systems whose pull broke off with an error (logged; the others went on).</param>
public sealed record PullSummary(long Rows, int SystemsFailed)
{
    /// <summary>
    /// The systems this pull worked on (their rows may have changed since they were listed); every other system of the
    /// systems it was handed was left untouched. Null when not known: then any system may have changed.
    /// </summary>
    public IReadOnlySet<string>? Pulled { get; init; }
}
