using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using GapMonitor.Core;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Sweeping;
using GapMonitor.Infrastructure.Delivery;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.SweepBenchmark;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

// Usage: GapMonitor.SweepBenchmark --connection-string <Azurite> [--systems 10000] [--rows file] [--notes file]
//        [--history 50] [--history-table archive|systems] [--steady-only true]
//        GapMonitor.SweepBenchmark --fan-out true --connection-string <Azurite> [--systems N] [--workers 1,4] [--quiet-only true] [--rows file]
//        (the sweep through the queue with worker processes: see FanOutBenchmark)
// Seeds N systems, then measures three sweeps: steady state, everyone silent at once, and the sweep right after.
// --history seeds that many resolved alerts per system (with their notifications, attempts and audit) into the
// given table first; --steady-only measures only the steady-state sweep.
if (args.Contains("--worker") || args.Contains("--fan-out"))
{
    var values = Enumerable.Range(0, args.Length / 2).ToDictionary(i => args[2 * i][2..], i => args[(2 * i) + 1], StringComparer.Ordinal);
    return values.ContainsKey("worker") ? await ShardWorker.RunAsync(values) : await FanOutBenchmark.RunAsync(values);
}

var arguments = BenchmarkArguments.Parse(args);
var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
var seededAt = clock.GetUtcNow();
var pickupDirectory = Directory.CreateTempSubdirectory("gapmonitor-bench-mail-").FullName;
await using var receiver = await WebhookReceiver.StartAsync();

var counter = new RequestCounter();
var tableOptions = new TableClientOptions();
tableOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { ["GapMonitor:Webhooks:AllowPrivateNetworks"] = "true" })
    .Build();

var services = new ServiceCollection();
services.AddLogging();
services.AddSingleton<IConfiguration>(configuration);
services.AddSingleton<TimeProvider>(clock);
services.AddSingleton(new TableServiceClient(arguments.ConnectionString, tableOptions));
services.AddSingleton(new BlobServiceClient(arguments.ConnectionString));
services.AddSingleton(Options.Create(new StorageOptions { ConnectionString = arguments.ConnectionString, TablePrefix = arguments.TablePrefix }));
services.AddSingleton(Options.Create(new RetentionOptions()));
services.AddGapMonitorStores();
services.AddSingleton(sp => new PhaseMarker(ActivatorUtilities.CreateInstance<TableOutbox>(sp), counter));
services.Replace(ServiceDescriptor.Singleton<IOutbox>(sp => sp.GetRequiredService<PhaseMarker>()));
services.AddGapMonitorCore();
services.AddGapMonitorDelivery(pickupDirectory);
await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

var tables = provider.GetRequiredService<StorageTables>();
await tables.EnsureCreatedAsync();
var sweep = provider.GetRequiredService<SweepService>();
var marker = provider.GetRequiredService<PhaseMarker>();

var n = arguments.Systems;
Console.WriteLine($"Seeding {n} systems…");
var beforeSeeding = counter.Snapshot();
var seeding = Stopwatch.StartNew();
await Fleet.SeedAsync(provider.GetRequiredService<ISystemStore>(), Fleet.SystemsTable(provider), n, seededAt, receiver.BaseAddress, CancellationToken.None);
seeding.Stop();
var seedingRequests = counter.Snapshot().Since(beforeSeeding);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded {n} systems in {seeding.Elapsed.TotalSeconds:0.0} s ({seedingRequests})"));
var historyNote = "";

// The daily housekeeping runs at the end of the first sweep of a day; run it here so that the measured sweeps are
// the other 1,439 of the day (its own cost is reported in the notes).
var housekeeping = Stopwatch.StartNew();
await provider.GetRequiredService<IHistoryArchive>().RunDailyHousekeepingAsync();
historyNote += string.Create(CultureInfo.InvariantCulture, $" The daily housekeeping pass (not part of the figures) took {housekeeping.Elapsed.TotalSeconds:0.0} s.");

var measurements = new List<SweepMeasurement>();
if (arguments.HistoryPerSystem > 0)
{
    // The same fleet, the same process and the same Azurite, first without history and then with it.
    var without = await MedianSteadySweepAsync("steady state, no history (median of 5)");
    var historyTable = provider.GetRequiredService<TableServiceClient>().GetTableClient(arguments.TablePrefix + arguments.HistoryTable);
    await historyTable.CreateIfNotExistsAsync();
    var historySeeding = Stopwatch.StartNew();
    var historyRows = await HistorySeed.SeedAsync(historyTable, n, arguments.HistoryPerSystem, seededAt, CancellationToken.None);
    historySeeding.Stop();
    var with = await MedianSteadySweepAsync($"steady state, {arguments.HistoryPerSystem} resolved alerts each in `{arguments.HistoryTable}` (median of 5)");
    historyNote += string.Create(
        CultureInfo.InvariantCulture,
        $" {arguments.HistoryPerSystem} resolved alerts per system ({historyRows:N0} history rows) were seeded into `{arguments.HistoryTable}` in {historySeeding.Elapsed.TotalSeconds:0} s; " +
        $"steady-state sweep with history / without: {with.Elapsed.TotalSeconds:0.00} s / {without.Elapsed.TotalSeconds:0.00} s = **{with.Elapsed / without.Elapsed:0.00}×**.");
    Console.WriteLine("History:" + historyNote);
    await WriteResultsAsync();
    return 0;
}

// A sweep is preceded by a throwaway warm-up only in the sense that the steady-state sweep is measured first; JIT cost is in it.
clock.Advance(TimeSpan.FromMinutes(1));
measurements.Add(await MeasureAsync("steady state (all healthy)", expectedOpened: 0, expectedDelivered: 0));

if (arguments.SteadyOnly)
{
    await WriteResultsAsync();
    return 0;
}

clock.Advance(TimeSpan.FromMinutes(7));
var emailsBefore = Directory.EnumerateFiles(pickupDirectory, "*.eml").Count();
var webhooksBefore = receiver.Received;
measurements.Add(await MeasureAsync("everyone silent at once", expectedOpened: n, expectedDelivered: 2 * n));
Check(Directory.EnumerateFiles(pickupDirectory, "*.eml").Count() - emailsBefore == n, "one email per system in the pickup directory");
Check(receiver.Received - webhooksBefore == n, "one webhook per system at the receiver");

clock.Advance(TimeSpan.FromMinutes(1));
measurements.Add(await MeasureAsync("the sweep right after", expectedOpened: 0, expectedDelivered: 0));

await WriteResultsAsync();
Directory.Delete(pickupDirectory, recursive: true);
return 0;

async Task WriteResultsAsync()
{
    if (arguments.RowsFile is { } rows)
    {
        await File.AppendAllLinesAsync(rows, measurements.Select(m => m.ToMarkdownRow()));
    }

    if (arguments.NotesFile is { } notes)
    {
        await File.AppendAllLinesAsync(notes, [string.Create(
        CultureInfo.InvariantCulture,
        $"- {n:N0} systems: seeding took {seeding.Elapsed.TotalSeconds:0.0} s ({seedingRequests.Total:N0} requests, not part of the figures); " +
        $"Azurite peak resident memory {(arguments.AzuritePid is { } pid ? PeakMemory.PeakMegabytes(pid)?.ToString("0", CultureInfo.InvariantCulture) + " MB" : "not measured")}.{historyNote}")]);
    }
}

async Task<SweepMeasurement> MedianSteadySweepAsync(string scenario)
{
    var sweeps = new List<SweepMeasurement>();
    for (var i = 0; i < 5; i++)
    {
        // 10 sweeps (without and with history) stay within the 7 minutes after which every system would be silent.
        clock.Advance(TimeSpan.FromSeconds(30));
        sweeps.Add(await MeasureAsync(scenario, expectedOpened: 0, expectedDelivered: 0));
    }

    var median = sweeps.OrderBy(m => m.Elapsed).ElementAt(2);
    measurements.Add(median);
    return median;
}

async Task<SweepMeasurement> MeasureAsync(string scenario, int expectedOpened, int expectedDelivered)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    PeakMemory.ResetPeak();
    marker.Reset();
    var before = counter.Snapshot();
    var started = Stopwatch.GetTimestamp();
    var summary = await sweep.RunAsync();
    var ended = Stopwatch.GetTimestamp();
    var requests = counter.Snapshot().Since(before);
    var deliveryStarted = marker.DeliveryStartedAt ?? ended;
    var measurement = new SweepMeasurement(
        scenario,
        n,
        Stopwatch.GetElapsedTime(started, ended),
        Stopwatch.GetElapsedTime(started, deliveryStarted),
        Stopwatch.GetElapsedTime(deliveryStarted, ended),
        requests,
        (marker.RequestsAtDeliveryStart ?? counter.Snapshot()).Since(before),
        PeakMemory.PeakMegabytes(),
        summary);
    Console.WriteLine(measurement);
    Check(summary.SystemsEvaluated == n, $"{n} systems evaluated");
    Check(summary.AlertsOpened == expectedOpened, $"{expectedOpened} alerts opened");
    Check(summary.NotificationsDelivered == expectedDelivered, $"{expectedDelivered} notifications delivered");
    Check(summary.NotificationsRetrying == 0 && summary.NotificationsFailed == 0 && summary.Conflicts == 0, "no retries, failures or conflicts");
    return measurement;
}

static void Check(bool condition, string expectation)
{
    if (!condition)
    {
        throw new InvalidOperationException("The sweep did not do what the scenario expects: " + expectation + ".");
    }
}
