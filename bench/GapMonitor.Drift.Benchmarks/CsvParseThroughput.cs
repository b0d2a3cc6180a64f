using System.Diagnostics;
using System.Globalization;
using nietras.SeparatedValues;

namespace GapMonitor.Drift.Benchmarks;

/// <summary>
/// The drift CLI's CSV parsing alone, on one core, against the file-read limit (bench/drift/run.sh runs it):
/// <c>dotnet run -c Release --project bench/GapMonitor.Drift.Benchmarks -- csv-throughput FILE [REPEATS]</c>.
/// Prints one tab-separated line per stage: name, best wall seconds, MB/s of wall time, MB per CPU-second of the
/// process (the per-core rate that a loaded machine distorts least), a check value. The Sep stages are the CLI's loop
/// up to 73508da (Sep, invariant culture, csFastFloat on chars; still the CLI's path for files with quotes),
/// copied here; the last stage is the CLI's reader itself, its source files compiled into this project.
/// </summary>
internal static class CsvParseThroughput
{
    public static int Run(string[] args)
    {
        var path = args[0];
        var repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var megabytes = new FileInfo(path).Length / 1e6;
        Report("read bytes (64 KiB reads, no parsing)", path, repeats, megabytes, ReadBytes);
        Report("Sep: split rows and cells, no number parsing", path, repeats, megabytes, SplitOnly);
        Report("Sep: split and parse doubles (the CLI's loop)", path, repeats, megabytes, ParseNumbers);
        Report("Sep: split and parse a row's doubles at once (row[..].Parse)", path, repeats, megabytes, ParseRows);
        Report("the CLI's reader now: UTF-8 blocks, lines parsed on all cores (CsvColumnReader.ReadNumbers)", path, repeats, megabytes, ReadNumbers);
        return 0;
    }

    private static void Report(string name, string path, int repeats, double megabytes, Func<string, long> stage)
    {
        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        long check = 0;
        using var process = Process.GetCurrentProcess();
        for (var r = 0; r < repeats; r++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            check = stage(path);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalSeconds);
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"{name}\t{best:F3}\t{megabytes / best:F0}\t{megabytes / bestCpu:F0}\t{check}"));
    }

    private static long ReadBytes(string path)
    {
        using var stream = Open(path);
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static long SplitOnly(string path)
    {
        using var stream = Open(path);
        using var reader = Reader(stream);
        long cells = 0;
        foreach (var row in reader)
        {
            for (var c = 0; c < row.ColCount; c++)
            {
                cells += row[c].Span.Length > 0 ? 1 : 0;
            }
        }

        return cells;
    }

    private static long ParseNumbers(string path)
    {
        using var stream = Open(path);
        using var reader = Reader(stream);
        var columns = reader.Header.ColNames.Select(_ => new List<double>(1 << 16)).ToArray();
        long rows = 0;
        foreach (var row in reader)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                columns[c].Add(row[c].TryParse<double>(out var value) && double.IsFinite(value) ? value : double.NaN);
            }

            rows++;
        }

        return rows;
    }

    private static long ParseRows(string path)
    {
        using var stream = Open(path);
        using var reader = Reader(stream);
        var columns = reader.Header.ColNames.Select(_ => new List<double>(1 << 16)).ToArray();
        long rows = 0;
        foreach (var row in reader)
        {
            var values = row[..].Parse<double>();
            for (var c = 0; c < columns.Length; c++)
            {
                columns[c].Add(double.IsFinite(values[c]) ? values[c] : double.NaN);
            }

            rows++;
        }

        return rows;
    }

    private static long ReadNumbers(string path) => GapMonitor.Cli.Drift.CsvColumnReader.ReadNumbers(path).Rows;

    private static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    private static SepReader Reader(FileStream stream) => Sep.Reader(o => o with
    {
        Sep = new Sep(','),
        HasHeader = true,
        Unescape = true,
        DisableColCountCheck = true,
        CultureInfo = CultureInfo.InvariantCulture,
    }).From(stream, leaveOpen: true);
}
