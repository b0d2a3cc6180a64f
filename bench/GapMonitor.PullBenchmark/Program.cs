using System.Diagnostics;
using System.Globalization;
using GapMonitor.Infrastructure.Telemetry;
using GapMonitor.PullBenchmark;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

// Usage (bench/pull.sh runs both phases, each in its own process so the pull's peak memory is its own):
//   GapMonitor.PullBenchmark --phase prepare --connection-string <Azurite> --table-prefix p1 --fleet 100x10000
//   GapMonitor.PullBenchmark --phase pull    --connection-string <Azurite> --table-prefix p1 --fleet 100x10000 [--mode one-pull|open-then-close]
var arguments = BenchmarkArguments.Parse(args);
var systems = Fleet.Systems(arguments);
var clock = new FakeTimeProvider(Fleet.RegisteredAt);
var dataDirectory = Directory.CreateTempSubdirectory("gapmonitor-pullbench-").FullName;
using var requests = new RequestLog(arguments.ConnectionString);
await using var provider = await BenchmarkHost.StartAsync(arguments, clock, dataDirectory);

if (arguments.Phase == "prepare")
{
    Console.WriteLine($"Preparing {arguments.FleetText} rows…");
    var preparing = Stopwatch.StartNew();
    await Preparation.RunAsync(provider, arguments, systems);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Prepared {systems.Count} systems, {systems.Sum(s => (long)s.Rows):N0} rows in {preparing.Elapsed.TotalSeconds:0.0} s ({requests.Snapshot().Total:N0} requests)"));
    Directory.Delete(dataDirectory, recursive: true);
    return 0;
}

var puller = provider.GetRequiredService<TelemetryPuller>();
var verification = new Verification(provider, arguments);
var expectedRows = systems.Sum(s => (long)s.Rows);
var measurements = new List<PullMeasurement>();
var notes = new List<string>();

if (arguments.Mode == BenchmarkArguments.OnePull)
{
    clock.SetUtcNow(Fleet.WindowsDue);
    measurements.Add(await MeasureAsync("one pull: read, fold, close windows", expectedRows));
    var stored = await verification.StateSizesAsync(systems);
    notes.Add(string.Create(CultureInfo.InvariantCulture, $"stored state per system after the pull: {stored.Min(s => s.Bytes) / 1024.0:N1}–{stored.Max(s => s.Bytes) / 1024.0:N1} KiB"));
}
else
{
    clock.SetUtcNow(Fleet.WindowsOpen);
    measurements.Add(await MeasureAsync("last window open: read + fold, close the ended ones", expectedRows));
    foreach (var group in (await verification.StateSizesAsync(systems)).GroupBy(s => s.System.Rows))
    {
        notes.Add(string.Create(
            CultureInfo.InvariantCulture,
            $"{group.Key:N0} rows per system: stored state {group.Min(s => s.Bytes) / 1024.0:N0}–{group.Max(s => s.Bytes) / 1024.0:N0} KiB " +
            $"(state.json {group.Max(s => s.DocumentBytes) / 1024.0:N1} KiB) with {group.First().OpenWindows} open windows " +
            $"({group.First().OpenRows:N0} rows in them, {group.Max(s => s.Bytes) / 1024.0 / Math.Max(1, group.First().OpenWindows):N0} KiB per window)"));
    }

    clock.SetUtcNow(Fleet.WindowsDue);
    measurements.Add(await MeasureAsync("last window due: close + drift", 0));
    var closed = await verification.StateSizesAsync(systems);
    notes.Add(string.Create(CultureInfo.InvariantCulture, $"after closing: stored state {closed.Min(s => s.Bytes) / 1024.0:N1}–{closed.Max(s => s.Bytes) / 1024.0:N1} KiB"));
}

var problems = await verification.CheckAsync(systems);
foreach (var problem in problems)
{
    Console.Error.WriteLine("CHECK FAILED: " + problem);
}

var checkNote = problems.Count == 0
    ? $"checked: every system's RecordsRead equals the records written, no window left open, {Fleet.Hours} windows stored per system with all rows and a drift report, dataset drift on exactly the drifting half"
    : $"CHECK FAILED for {problems.Count} item(s): {string.Join("; ", problems.Take(5))}";
notes.Insert(0, checkNote);

if (arguments.Mode == BenchmarkArguments.OnePull)
{
    notes.Add("breakdown (measured after the pull, warm): " + await Breakdown.MeasureAsync(provider, systems, requests));
}

foreach (var note in notes)
{
    Console.WriteLine(note);
}

if (arguments.RowsOut is { } rowsOut)
{
    await File.AppendAllLinesAsync(rowsOut, measurements.Select(m => m.ToMarkdownRow()));
}

if (arguments.NotesOut is { } notesOut)
{
    await File.AppendAllLinesAsync(notesOut, [
        $"- {arguments.FleetText} ({arguments.Mode}):",
        .. measurements.Select(m => $"  - {m.Step}: requests {m.Requests}"),
        .. notes.Select(n => "  - " + n)]);
}

Directory.Delete(dataDirectory, recursive: true);
return problems.Count == 0 ? 0 : 1;

async Task<PullMeasurement> MeasureAsync(string step, long rows)
{
    var windowsBefore = await verification.CountWindowsAsync(systems);
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    ProcessStats.ResetPeak();
    var before = requests.Snapshot();
    var phasesBefore = Phases.Snapshot();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var azuriteBefore = ProcessStats.CpuSeconds(arguments.AzuritePid);
    var started = Stopwatch.GetTimestamp();
    long pulled = 0;
    var pulls = 0;
    do
    {
        var got = (await puller.PullAsync()).Rows;
        pulls++;
        pulled += got;
        if (got == 0)
        {
            break;
        }
    }
    while (pulled < rows && pulls < 10);

    var elapsed = Stopwatch.GetElapsedTime(started);
    var peak = ProcessStats.PeakMegabytes();
    notes.Add($"{step}: phases summed over systems (4 at once): {Phases.Since(phasesBefore)}");
    var measurement = new PullMeasurement(
        arguments.FleetText,
        step,
        pulls,
        pulled,
        elapsed,
        requests.Snapshot().Since(before),
        await verification.CountWindowsAsync(systems) - windowsBefore,
        peak,
        (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds,
        ProcessStats.CpuSeconds(arguments.AzuritePid) - azuriteBefore);
    Console.WriteLine(measurement);
    return measurement;
}
