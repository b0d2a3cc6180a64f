using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace GapMonitor.PushBenchmark;

/// <summary>
/// Registers systems on a running <c>gapmonitor serve</c>, then has each push its batches back to back over HTTP, all
/// systems at once, each with <c>--inflight</c> pushes open at a time (a client pipelining its batches; 1 = the next
/// push when the last one answered), and appends one markdown table row: rows/s, median of the first and last 100
/// pushes, p50/p99.
/// Afterwards it runs one sweep (which pulls) and checks every row reached the open window.
/// </summary>
public static class Program
{
    private const int Columns = 22;
    private const int Categorical = 4;

    public static async Task<int> Main(string[] args)
    {
        var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
            .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length ? args[p.i + 1] : "", StringComparer.Ordinal);
        var url = new Uri(options["url"]);
        var adminKey = options["admin-key"];
        var systems = int.Parse(options["systems"], CultureInfo.InvariantCulture);
        var pushes = int.Parse(options["pushes"], CultureInfo.InvariantCulture);
        var rows = int.Parse(options.GetValueOrDefault("rows", "200"), CultureInfo.InvariantCulture);
        var label = options["label"];
        var run = options["run"];
        var inFlight = int.Parse(options.GetValueOrDefault("inflight", "1"), CultureInfo.InvariantCulture);
        var warmup = int.Parse(options.GetValueOrDefault("warmup", "0"), CultureInfo.InvariantCulture);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        {
            BaseAddress = url,
            Timeout = TimeSpan.FromMinutes(10),
        };
        var vendor = await PostAsync(http, "/api/keys", adminKey, new { role = "vendor", vendor = "bench" }, "key");
        var ingestKeys = new string[systems];
        for (var s = 0; s < systems; s++)
        {
            ingestKeys[s] = await PostAsync(http, "/api/systems", vendor, Registration($"push-{run}-{s}"), "ingestKey");
        }

        if (warmup > 0)
        {
            // A system of its own, left out of every figure: the host's code paths are compiled and its connections open.
            var warmKey = await PostAsync(http, "/api/systems", vendor, Registration($"push-{run}-warm"), "ingestKey");
            await PushAllAsync(http, $"push-{run}-warm", warmKey, [.. Enumerable.Range(0, warmup).Select(p => Body(systems, p, rows))], inFlight);
        }

        var bodies = Enumerable.Range(0, systems).Select(s => Enumerable.Range(0, pushes).Select(p => Body(s, p, rows)).ToArray()).ToArray();
        var latencies = new double[systems][];
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, systems).Select(s => Task.Run(async () => latencies[s] = await PushAllAsync(http, $"push-{run}-{s}", ingestKeys[s], bodies[s], inFlight))));
        wall.Stop();

        var sweep = Stopwatch.StartNew();
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/sweep"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

        sweep.Stop();
        long folded = 0;
        for (var s = 0; s < systems; s++)
        {
            folded += await OpenRowsAsync(http, $"push-{run}-{s}", vendor);
        }

        var all = latencies.SelectMany(l => l).Order().ToArray();
        var first = Median(latencies.SelectMany(l => l.Take(100)));
        var last = Median(latencies.SelectMany(l => l.TakeLast(100)));
        var total = (long)systems * pushes * rows;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {systems} | {pushes} | {inFlight} | {total:N0} | {wall.Elapsed.TotalSeconds:F1} | {total / wall.Elapsed.TotalSeconds / systems:N0} | {total / wall.Elapsed.TotalSeconds:N0} | {first:F1} | {last:F1} | {last / first:F2} | {Percentile(all, 0.5):F1} | {Percentile(all, 0.99):F1} | {sweep.Elapsed.TotalSeconds:F1} | {folded:N0} |");
        Console.WriteLine(line);
        if (options.TryGetValue("rows-out", out var output))
        {
            await File.AppendAllTextAsync(output, line + "\n");
        }

        return folded == total ? 0 : 1;
    }

    private static async Task<double[]> PushAllAsync(HttpClient http, string systemId, string key, byte[][] bodies, int inFlight)
    {
        var latencies = new double[bodies.Length];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => Task.Run(async () =>
        {
            for (var p = Interlocked.Increment(ref next); p < bodies.Length; p = Interlocked.Increment(ref next))
            {
                latencies[p] = await PushAsync(http, systemId, key, bodies[p], p);
            }
        })));
        return latencies;
    }

    private static async Task<double> PushAsync(HttpClient http, string systemId, string key, byte[] body, int p)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/systems/{systemId}/telemetry?batchId=b-{p}&modelVersion=1.4.0");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var watch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if ((int)response.StatusCode != 202)
        {
            throw new InvalidOperationException($"Push {p} of {systemId} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return elapsed;
    }

    /// <summary>22 columns (18 numbers, 4 categories), seeded by system and push so every build gets the same data.</summary>
    private static byte[] Body(int system, int push, int rows)
    {
        var random = new Random((system * 100_003) + push);
        var text = new StringBuilder(rows * Columns * 16).Append('[');
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "{" : ",{");
            for (var c = 0; c < Columns; c++)
            {
                text.Append(c == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"\"f{c:D2}\":");
                if (c < Columns - Categorical)
                {
                    text.Append((random.NextDouble() * 100).ToString("F3", CultureInfo.InvariantCulture));
                }
                else
                {
                    text.Append(CultureInfo.InvariantCulture, $"\"cat{random.Next(12)}\"");
                }
            }

            text.Append('}');
        }

        return Encoding.UTF8.GetBytes(text.Append(']').ToString());
    }

    private static object Registration(string id) => new
    {
        id,
        name = $"Push bench {id}",
        vendor = "bench",
        customer = "bench-customer",
        model = new { name = "churn", version = "1.4.0" },
        handoverAt = DateTimeOffset.UtcNow.AddDays(-30),
        vendorGracePeriod = "P14D",
        monitoring = new { heartbeatPeriod = "P1D", heartbeatGrace = "PT2M" },
        acknowledgeWithin = "PT4H",
        contacts = new object[] { new { party = "customer", email = "mlops@bench.example" }, new { party = "vendor", email = "support@bench.example" } },
        telemetry = new { driftWindow = "PT1H" },
    };

    private static async Task<string> PostAsync(HttpClient http, string path, string key, object body, string property)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.GetProperty(property).GetString()!;
    }

    private static async Task<long> OpenRowsAsync(HttpClient http, string systemId, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/systems/{systemId}/status");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return status.GetProperty("telemetry").GetProperty("openWindowRows").GetInt64();
    }

    private static double Median(IEnumerable<double> values) => Percentile([.. values.Order()], 0.5);

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
}
