using System.Diagnostics;
using System.Globalization;

namespace GapMonitor.PullBenchmark;

/// <summary>
/// Where a pull's time goes, timed by decorators around the stores the pull uses (<see cref="TimedStateStore"/>,
/// <see cref="TimedReferenceProfiles"/>, <see cref="TimedDriftWindowStore"/>): calls and seconds summed over systems,
/// which overlap while several systems are pulled at once.
/// </summary>
public static class Phases
{
    private static readonly (long Calls, long Ticks)[] Totals = new (long, long)[4];

    public enum Phase
    {
        StateRead,
        StateWrite,
        ReferenceRead,
        WindowStore,
    }

    public static async Task<T> TimeAsync<T>(Phase phase, Func<Task<T>> action)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await action();
        }
        finally
        {
            Add(phase, Stopwatch.GetTimestamp() - started);
        }
    }

    public static async Task TimeAsync(Phase phase, Func<Task> action) => await TimeAsync(phase, async () =>
    {
        await action();
        return 0;
    });

    public static (long Calls, long Ticks)[] Snapshot()
    {
        lock (Totals)
        {
            return [.. Totals];
        }
    }

    public static string Since((long Calls, long Ticks)[] before)
    {
        var now = Snapshot();
        string Part(Phase phase, string text)
        {
            var (calls, ticks) = (now[(int)phase].Calls - before[(int)phase].Calls, now[(int)phase].Ticks - before[(int)phase].Ticks);
            return string.Create(CultureInfo.InvariantCulture, $"{text} {calls:N0} × = {ticks / (double)Stopwatch.Frequency:0.0} s");
        }

        return string.Join("; ", Part(Phase.StateRead, "state read"), Part(Phase.StateWrite, "state write"), Part(Phase.ReferenceRead, "reference profile read"), Part(Phase.WindowStore, "closed window stored"));
    }

    private static void Add(Phase phase, long ticks)
    {
        lock (Totals)
        {
            Totals[(int)phase] = (Totals[(int)phase].Calls + 1, Totals[(int)phase].Ticks + ticks);
        }
    }
}
