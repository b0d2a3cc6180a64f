using System.Globalization;

namespace GapMonitor.PullBenchmark;

/// <summary>
/// <c>--connection-string</c> (Azurite), <c>--table-prefix</c>, <c>--phase prepare|pull</c>,
/// <c>--fleet 100x10000[,2x100000]</c> (systems × rows each), <c>--mode one-pull|open-then-close</c>,
/// <c>--rows-out</c>/<c>--notes-out</c> (markdown appended), <c>--azurite-pid</c> (its CPU time is reported).
/// </summary>
public sealed record BenchmarkArguments(
    string ConnectionString,
    string TablePrefix,
    string Phase,
    IReadOnlyList<FleetGroup> Fleet,
    string Mode,
    string? RowsOut,
    string? NotesOut,
    int? AzuritePid)
{
    public const string OnePull = "one-pull";
    public const string OpenThenClose = "open-then-close";

    public string FleetText => string.Join(" + ", Fleet.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Systems:N0} × {g.RowsEach:N0}")));

    public static BenchmarkArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Required(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required.");
        var fleet = Required("fleet").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(FleetGroup.Parse).ToList();
        var mode = values.GetValueOrDefault("mode", OnePull);
        if (mode is not (OnePull or OpenThenClose))
        {
            throw new ArgumentException("--mode is one-pull or open-then-close.");
        }

        return new BenchmarkArguments(
            Required("connection-string"),
            Required("table-prefix"),
            Required("phase"),
            fleet,
            mode,
            values.GetValueOrDefault("rows-out"),
            values.GetValueOrDefault("notes-out"),
            values.TryGetValue("azurite-pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null);
    }
}
