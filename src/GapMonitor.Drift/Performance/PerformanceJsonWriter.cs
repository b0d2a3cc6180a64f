namespace GapMonitor.Drift.Performance;

/// <summary>Writes a <see cref="PerformanceReport"/> in the JSON shape of <c>gapmonitor performance --format json</c>.</summary>
public static class PerformanceJsonWriter
{
    /// <summary>The report as JSON text.</summary>
    /// <param name="report">The report.</param>
    public static string Write(PerformanceReport report) => throw new NotImplementedException();
}
