using System.Diagnostics;
using System.Globalization;
using nietras.SeparatedValues;

namespace GapMonitor.Drift.Benchmarks;

/// <summary>
/// The drift CLI's CSV parsing alone, on one core, against the file-read limit (bench/drift/run.sh runs it):
/// <c>dotnet run -c Release --project bench/GapMonitor.Drift.Benchmarks -- csv-throughput FILE [REPEATS]</c>.
/// Prints one tab-separated line per stage: name, best wall seconds, MB/s of wall time, MB per CPU-second of the
/// process (the per-core rate that a loaded machine distorts least), a check value. The parse stage is the loop of
/// src/GapMonitor.Cli/Drift/CsvColumnReader.ReadNumbers (Sep, invariant culture, csFastFloat) copied here, since this
/// project references the drift library only.
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
        Report("UTF-8 bytes, IndexOf splitting, SWAR digits + Eisel-Lemire (Utf8/, not in the CLI)", path, repeats, megabytes, ParseUtf8);
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

    /// <summary>
    /// The experiment of docs/benchmarks.md (drift-scale): the whole file's bytes, lines and cells found with
    /// IndexOf, numbers by <see cref="Utf8.Utf8DecimalParser"/> (double.Parse where it declines). Returns the number of
    /// cells, minus one for every sampled cell whose double differs from double.Parse's (so it must equal the cells).
    /// </summary>
    private static long ParseUtf8(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var position = bytes.AsSpan().IndexOf((byte)'\n') + 1;
        var width = bytes.AsSpan(0, position).Count((byte)',') + 1;
        var rows = bytes.AsSpan(position).Count((byte)'\n') + 1;
        var columns = Enumerable.Range(0, width).Select(_ => new double[rows]).ToArray();
        long cells = 0;
        var row = 0;
        while (position < bytes.Length)
        {
            var newline = bytes.AsSpan(position).IndexOf((byte)'\n');
            var line = bytes.AsSpan(position, newline < 0 ? bytes.Length - position : newline);
            position += line.Length + 1;
            for (var c = 0; c < width && !line.IsEmpty; c++)
            {
                var comma = line.IndexOf((byte)',');
                var cell = comma < 0 ? line : line[..comma];
                if (!Utf8.Utf8DecimalParser.TryParse(cell, out var value, out var used) || used != cell.Length)
                {
                    value = double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : double.NaN;
                }

                columns[c][row] = value;
                cells++;
                if (cells % 97 == 0 && BitConverter.DoubleToInt64Bits(value) != BitConverter.DoubleToInt64Bits(
                        double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture)))
                {
                    cells--;
                }

                line = comma < 0 ? [] : line[(comma + 1)..];
            }

            row++;
        }

        return cells;
    }

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
