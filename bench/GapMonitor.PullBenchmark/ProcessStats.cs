using System.Globalization;

namespace GapMonitor.PullBenchmark;

/// <summary>Peak resident memory (VmHWM, resettable) and CPU time of a process, from Linux's /proc.</summary>
public static class ProcessStats
{
    public static double? PeakMegabytes()
    {
        var line = File.Exists("/proc/self/status")
            ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            : null;
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>Resets this process's peak to its current resident size ("5" to /proc/self/clear_refs).</summary>
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

    /// <summary>User + system CPU seconds of another process (utime + stime in /proc/{pid}/stat); null when unknown.</summary>
    public static double? CpuSeconds(int? pid)
    {
        var path = $"/proc/{pid?.ToString(CultureInfo.InvariantCulture)}/stat";
        if (pid is null || !File.Exists(path))
        {
            return null;
        }

        var text = File.ReadAllText(path);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        const double TicksPerSecond = 100.0;
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }
}
