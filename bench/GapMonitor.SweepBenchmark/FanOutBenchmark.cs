using System.Diagnostics;
using System.Globalization;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Sweeping;
using GapMonitor.Core.Sweeping.Shards;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.SweepBenchmark;

/// <summary>
/// <c>--fan-out true</c>: the sweep through the queue with worker processes. Seeds one fleet per worker count (a prefix
/// each, all in the same Azurite, all seeded before anything is measured), then per fleet: a quiet sweep in one process
/// (<c>RunAsync</c>, what <c>POST /api/sweep</c> runs), quiet sweeps through the queue, and, unless
/// <c>--quiet-only true</c>, the worst case (every system silent at once) through the queue. A queued sweep is timed
/// from the fan-out (listing the ids, planning, enqueueing) to the last shard's end, with the workers already running.
/// </summary>
public static class FanOutBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> values)
    {
        var connection = values["connection-string"];
        var n = int.Parse(values.GetValueOrDefault("systems", "10000"), CultureInfo.InvariantCulture);
        var workerCounts = values.GetValueOrDefault("workers", "1,4").Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToList();
        var quietOnly = values.GetValueOrDefault("quiet-only", "false") == "true";
        var shareFleet = quietOnly;
        var rows = values.GetValueOrDefault("rows");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var seededAt = clock.GetUtcNow();
        await using var receiver = await WebhookReceiver.StartAsync();
        var pickup = Directory.CreateTempSubdirectory("gapmonitor-bench-mail-").FullName;

        var fleets = new Dictionary<int, ServiceProvider>();
        foreach (var workers in workerCounts)
        {
            var prefix = shareFleet ? "fan" : "fan" + workers.ToString(CultureInfo.InvariantCulture);
            if (shareFleet && fleets.Count > 0)
            {
                fleets[workers] = fleets.Values.First();
                continue;
            }

            var perShard = int.Parse(values.GetValueOrDefault("systems-per-shard", "1000"), CultureInfo.InvariantCulture);
            var provider = BenchServices.Build(connection, prefix, clock, pickup, perShard);
            await provider.GetRequiredService<Infrastructure.Storage.StorageTables>().EnsureCreatedAsync();
            var seeding = Stopwatch.StartNew();
            await Fleet.SeedAsync(provider.GetRequiredService<ISystemStore>(), Fleet.SystemsTable(provider), n, seededAt, receiver.BaseAddress, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded {n} systems under {prefix} in {seeding.Elapsed.TotalSeconds:0.0} s"));
            await provider.GetRequiredService<IHistoryArchive>().RunDailyHousekeepingAsync();
            fleets[workers] = provider;
        }

        var lines = new List<string>();
        clock.Advance(TimeSpan.FromMinutes(1));
        var inProcess = Stopwatch.StartNew();
        var summary = await fleets[workerCounts[0]].GetRequiredService<SweepService>().RunAsync();
        Check(summary.SystemsEvaluated == n && summary.AlertsOpened == 0, "a quiet in-process sweep of every system");
        lines.Add(Row(n, "quiet, in one process (`RunAsync`, as `POST /api/sweep`)", "–", inProcess.Elapsed, summary.SystemsEvaluated, 0, 0));

        // Quiet sweeps through the queue, interleaved: 1, 4, 1, 4 … workers.
        for (var round = 0; round < 2; round++)
        {
            foreach (var workers in workerCounts)
            {
                clock.Advance(TimeSpan.FromSeconds(20));
                var (elapsed, evaluated, opened, delivered, shards) = await QueuedSweepAsync(fleets[workers], workers, clock, values);
                Check(evaluated == n && opened == 0, "a quiet queued sweep of every system");
                lines.Add(Row(n, $"quiet, through the queue (round {round + 1}, {shards} shards)", workers.ToString(CultureInfo.InvariantCulture), elapsed, evaluated, opened, delivered));
            }
        }

        if (!quietOnly)
        {
            clock.Advance(TimeSpan.FromMinutes(7));
            foreach (var workers in workerCounts)
            {
                var before = receiver.Received;
                var (elapsed, evaluated, opened, delivered, shards) = await QueuedSweepAsync(fleets[workers], workers, clock, values);
                Check(evaluated == n && opened == n && delivered == 2 * n, $"every system opened one alert and delivered 2 notifications ({evaluated}/{opened}/{delivered})");
                Check(receiver.Received - before == n, "one webhook per system at the receiver");
                lines.Add(Row(n, $"everyone silent at once, through the queue ({shards} shards)", workers.ToString(CultureInfo.InvariantCulture), elapsed, evaluated, opened, delivered));
            }
        }

        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }

        if (rows is not null)
        {
            await File.AppendAllLinesAsync(rows, lines);
        }

        foreach (var provider in fleets.Values.Distinct())
        {
            await provider.DisposeAsync();
        }

        return 0;
    }

    private static async Task<(TimeSpan Elapsed, int Evaluated, int Opened, int Delivered, int Shards)> QueuedSweepAsync(
        ServiceProvider fleet, int workers, FakeTimeProvider clock, IReadOnlyDictionary<string, string> values)
    {
        var processes = new List<Process>();
        var shardLines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var ready = new CountdownEvent(workers);
        var prefix = fleet.GetRequiredService<Microsoft.Extensions.Options.IOptions<Infrastructure.Storage.StorageOptions>>().Value.TablePrefix;
        for (var w = 0; w < workers; w++)
        {
            var i = w;
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[]
            {
                typeof(FanOutBenchmark).Assembly.Location, "--worker", "true", "--connection-string", values["connection-string"],
                "--table-prefix", prefix, "--now", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data == "ready")
                {
                    ready.Signal();
                }
                else if (e.Data?.StartsWith("SHARD ", StringComparison.Ordinal) == true)
                {
                    shardLines.Enqueue(e.Data);
                }
            };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    Console.Error.WriteLine($"worker {i}: {e.Data}");
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            processes.Add(process);
        }

        if (!ready.Wait(TimeSpan.FromMinutes(2)))
        {
            throw new InvalidOperationException("The workers did not start.");
        }

        var started = Stopwatch.StartNew();
        var shards = await fleet.GetRequiredService<SweepFanOut>().EnqueueAsync(clock.GetUtcNow());
        while (shardLines.Count < shards)
        {
            if (processes.FirstOrDefault(p => p.HasExited) is { } exited)
            {
                throw new InvalidOperationException($"A worker exited with code {exited.ExitCode}.");
            }

            await Task.Delay(20);
        }

        var elapsed = started.Elapsed;
        foreach (var process in processes)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }

        var totals = shardLines.Select(l => l.Split(' ').Skip(1).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        Check(totals.All(t => t[3] == 0), "no retries, failures, conflicts or failed systems");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{workers} worker(s): {shards} shards in {elapsed.TotalSeconds:0.00} s"));
        return (elapsed, totals.Sum(t => t[0]), totals.Sum(t => t[1]), totals.Sum(t => t[2]), shards);
    }

    private static string Row(int n, string scenario, string workers, TimeSpan elapsed, int evaluated, int opened, int delivered) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {n:N0} | {scenario} | {workers} | {elapsed.TotalSeconds:0.0} | {evaluated:N0} / {opened:N0} / {delivered:N0} |");

    private static void Check(bool condition, string expectation)
    {
        if (!condition)
        {
            throw new InvalidOperationException("The sweep did not do what the scenario expects: " + expectation + ".");
        }
    }
}
