using System.Globalization;
using GapMonitor.Core.Telemetry;

namespace GapMonitor.PullBenchmark;

/// <summary>
/// The benchmark's systems, derived from the arguments alone so that the prepare and pull processes agree: ten
/// endpoints per customer container (one data-collector container per customer, one prefix per endpoint), rows spread
/// evenly over <see cref="Hours"/> hour folders starting at <see cref="DataStart"/>, one-hour drift windows.
/// </summary>
public static class Fleet
{
    public const int Hours = 3;
    public const int EndpointsPerContainer = 10;

    public static readonly DateTimeOffset RegisteredAt = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset DataStart = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Inside the last window, late enough that no row lies more than <see cref="ClientTimes.MaxAhead"/> ahead of the
    /// clock (the puller skips such rows as malformed): a pull reads every row, closes the windows that have ended and
    /// keeps the last one open.
    /// </summary>
    public static readonly DateTimeOffset WindowsOpen = DataStart + TimeSpan.FromHours(Hours) - ClientTimes.MaxAhead;

    /// <summary>Past the end of the last window: a pull closes them all.</summary>
    public static readonly DateTimeOffset WindowsDue = DataStart + TimeSpan.FromHours(Hours) + TimeSpan.FromMinutes(5);

    public static IReadOnlyList<BenchSystem> Systems(BenchmarkArguments arguments)
    {
        var systems = new List<BenchSystem>();
        foreach (var group in arguments.Fleet)
        {
            for (var i = 0; i < group.Systems; i++)
            {
                var index = systems.Count;
                var container = arguments.TablePrefix.ToLowerInvariant() + "dc" + (index / EndpointsPerContainer).ToString("D3", CultureInfo.InvariantCulture);
                var endpoint = "endpoint-" + index.ToString("D4", CultureInfo.InvariantCulture);
                systems.Add(new BenchSystem(index, "pull-" + index.ToString("D4", CultureInfo.InvariantCulture), container, $"modelDataCollector/{endpoint}/blue/model_inputs", group.RowsEach));
            }
        }

        return systems;
    }
}
