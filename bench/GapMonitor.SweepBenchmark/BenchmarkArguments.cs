using System.Globalization;

namespace GapMonitor.SweepBenchmark;

public sealed record BenchmarkArguments(string ConnectionString, int Systems, string TablePrefix, string? RowsFile, string? NotesFile, int? AzuritePid, int HistoryPerSystem = 0, string HistoryTable = "archive", bool SteadyOnly = false)
{
    public static BenchmarkArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected `--name value` pairs, got `{args[i]}`.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        var connectionString = values.GetValueOrDefault("connection-string")
            ?? Environment.GetEnvironmentVariable("GapMonitor__Storage__ConnectionString")
            ?? throw new ArgumentException("Pass --connection-string (bench/sweep.sh starts Azurite and passes it).");
        return new BenchmarkArguments(
            connectionString,
            int.Parse(values.GetValueOrDefault("systems", "10000"), CultureInfo.InvariantCulture),
            values.GetValueOrDefault("table-prefix", "bench"),
            values.GetValueOrDefault("rows"),
            values.GetValueOrDefault("notes"),
            values.TryGetValue("azurite-pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            int.Parse(values.GetValueOrDefault("history", "0"), CultureInfo.InvariantCulture),
            values.GetValueOrDefault("history-table", "archive"),
            values.GetValueOrDefault("steady-only", "false") == "true");
    }
}
