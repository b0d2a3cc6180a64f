namespace GapMonitor.Core.Ports;

/// <param name="Rows">Rows read in this pull.</param>
/// <param name="SystemsFailed">Systems whose pull broke off with an error (logged; the others went on).</param>
public sealed record PullSummary(long Rows, int SystemsFailed);
