using System.Globalization;

namespace GapMonitor.SweepBenchmark;

/// <summary>Peak resident set (VmHWM) of a process on Linux; the peak of this process can be reset between measurements.</summary>
public static class PeakMemory
{
    /// <summary>Peak resident megabytes of <paramref name="pid"/> (this process when null); null where /proc is unavailable.</summary>
    public static double? PeakMegabytes(int? pid = null)
    {
        var status = $"/proc/{pid?.ToString(CultureInfo.InvariantCulture) ?? "self"}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>Resets this process's peak to its current resident size (Linux: "5" to /proc/self/clear_refs).</summary>
    public static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the figure is then the peak since the process started.
        }
    }
}
