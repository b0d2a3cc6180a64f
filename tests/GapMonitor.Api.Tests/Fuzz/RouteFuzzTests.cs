using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Reflection;
using Azure.Data.Tables;
using GapMonitor.Api.Hosting;
using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Infrastructure.LogAnalytics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GapMonitor.Api.Tests.Fuzz;

/// <summary>
/// A seeded fuzz of every route in the host's route table, over the real loopback host on Azurite: odd ids, keys, bodies,
/// queries and headers never get a 5xx, and afterwards every stored system is readable and consistent.
/// </summary>
public sealed class RouteFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 20261201;
    private const int Requests = 5200;
    private const int Concurrency = 4;
    private ApiTestHost _host = null!;
    private HttpClient _client = null!;
    private FuzzTenants _tenants = null!;

    public async Task InitializeAsync()
    {
        // No telemetry source is ever really queried: Log Analytics answers nothing, containers point at a closed loopback port.
        _host = await ApiTestHost.StartAsync(maxRequestBytes: 64 * 1024, configureServices: s => s.AddSingleton<LogAnalyticsQueryClient>(new SilentLogAnalytics()));
        _client = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8 })
        {
            BaseAddress = _host.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var otherVendor = await _host.CreateKeyAsync("vendor", vendor: "fabrikam-ai");
        var revoked = await _host.JsonAsync(HttpMethod.Post, "/api/keys", ApiTestHost.AdminKey, new { role = "customer", customer = "acme" }, 201);
        await _host.JsonAsync(HttpMethod.Delete, $"/api/keys/{revoked.GetProperty("id").GetString()}", ApiTestHost.AdminKey, expectedStatus: 204);
        var handover = _host.Time.GetUtcNow().AddDays(-30);
        var ingest = new List<string>();
        foreach (var (id, key, v, c) in new[] { ("acme-churn", vendor, "contoso-ml", "acme"), ("globex-vision", otherVendor, "fabrikam-ai", "globex") })
        {
            ingest.Add((await _host.JsonAsync(HttpMethod.Post, "/api/systems", key, SystemBodies.Registration(id, v, c, handover), 201)).GetProperty("ingestKey").GetString()!);
        }

        _host.Time.Advance(TimeSpan.FromMinutes(10));
        await _host.SweepAsync();
        var alerts = (await _host.JsonAsync(HttpMethod.Get, "/api/alerts", ApiTestHost.AdminKey)).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();
        _tenants = new FuzzTenants(
            ApiTestHost.AdminKey,
            vendor,
            otherVendor,
            await _host.CreateKeyAsync("customer", customer: "acme"),
            await _host.CreateKeyAsync("customer", customer: "globex"),
            revoked.GetProperty("key").GetString()!,
            ingest,
            ["acme-churn", "globex-vision"],
            alerts,
            [revoked.GetProperty("id").GetString()!]);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task EveryRoute_WithOddInput_NeverAnswers5xx_AndLeavesNothingHalfWritten()
    {
        var routes = _host.Routes();
        foreach (var template in typeof(ApiRoutes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.Name != nameof(ApiRoutes.Prefix)).Select(f => (string)f.GetRawConstantValue()!))
        {
            Assert.Contains(routes, r => r.Path == $"/{ApiRoutes.Prefix}/{template}");
        }

        // Containers point at Azurite with a SAS it refuses: a pull fails at once, without retries.
        var blobs = new Azure.Storage.Blobs.BlobServiceClient(_host.StorageConnection).Uri;
        var fuzzer = new RouteFuzzer(Seed, _tenants, _host.Time.GetUtcNow(), new Uri(blobs, "fuzz-container?sv=2024-11-04&sig=fuzz"));
        var requests = Enumerable.Range(0, Requests).Select(i => fuzzer.Next(routes[i % routes.Count])).ToList();
        var failures = new ConcurrentBag<string>();
        var slowest = new ConcurrentBag<(double Seconds, string Request)>();
        var started = TimeProvider.System.GetTimestamp();
        foreach (var batch in requests.Chunk(500))
        {
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (request, _) =>
            {
                var sent = TimeProvider.System.GetTimestamp();
                try
                {
                    var (status, text) = await SendAsync(request);
                    slowest.Add((TimeProvider.System.GetElapsedTime(sent).TotalSeconds, $"{status} {request.Method} {request.Path}"));
                    if (status >= 500)
                    {
                        failures.Add($"{status} for {request}\n  → {text[..Math.Min(text.Length, 300)]}");
                    }
                }
                catch (HttpRequestException ex)
                {
                    failures.Add($"no answer ({ex.InnerException?.Message ?? ex.Message}) for {request}");
                }
            });

            // Time moves on between batches, so sweeps open, escalate and resolve alerts while the fuzz goes on.
            _host.Time.Advance(TimeSpan.FromMinutes(7));
        }

        output.WriteLine($"{requests.Count} requests over {routes.Count} routes in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F1} s; {failures.Count} answered 5xx.");
        foreach (var (seconds, request) in slowest.OrderByDescending(s => s.Seconds).Take(8))
        {
            output.WriteLine($"  {seconds:F2} s  {request}");
        }

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(15)));
        await AssertConsistentAsync();
    }

    private async Task<(int Status, string Text)> SendAsync(FuzzRequest fuzz)
    {
        using var request = new HttpRequestMessage(new HttpMethod(fuzz.Method), fuzz.Path);
        if (fuzz.Key is not null)
        {
            request.Headers.TryAddWithoutValidation(fuzz.KeyInApiKeyHeader ? "x-api-key" : "Authorization", fuzz.KeyInApiKeyHeader ? fuzz.Key : "Bearer " + fuzz.Key);
        }

        if (fuzz.Body is not null)
        {
            request.Content = new ByteArrayContent(fuzz.Body);
            if (fuzz.ContentType is { Length: > 0 } type && MediaTypeHeaderValue.TryParse(type, out var parsed))
            {
                request.Content.Headers.ContentType = parsed;
            }
        }

        foreach (var (name, value) in fuzz.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every stored system is listed, readable, complete (registered with its audit entry and ingest key hash) and in its tenant's scope only.</summary>
    private async Task AssertConsistentAsync()
    {
        var listed = (await _host.JsonAsync(HttpMethod.Get, "/api/systems", ApiTestHost.AdminKey)).GetProperty("items").EnumerateArray()
            .ToDictionary(s => s.GetProperty("id").GetString()!, s => s.Clone());
        var rows = new List<TableEntity>();
        await foreach (var row in _host.Table("systems").QueryAsync<TableEntity>(e => e.RowKey == "system"))
        {
            rows.Add(row);
        }

        Assert.Equal(rows.Select(r => r.PartitionKey).Order(StringComparer.Ordinal), listed.Keys.Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.GetString("IngestKeyHash")), $"{r.PartitionKey} has no ingest key hash"));
        foreach (var (id, system) in listed)
        {
            await _host.JsonAsync(HttpMethod.Get, $"/api/systems/{id}", ApiTestHost.AdminKey);
            await _host.JsonAsync(HttpMethod.Get, $"/api/systems/{id}/status", ApiTestHost.AdminKey);
            var audit = await _host.JsonAsync(HttpMethod.Get, $"/api/systems/{id}/audit", ApiTestHost.AdminKey);
            Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "system.registered");
            var vendor = system.GetProperty("vendor").GetString();
            Assert.True(vendor is "contoso-ml" or "fabrikam-ai", $"{id} belongs to vendor {vendor}");
        }

        foreach (var (key, vendor) in new[] { (_tenants.Vendor, "contoso-ml"), (_tenants.OtherVendor, "fabrikam-ai") })
        {
            var mine = (await _host.JsonAsync(HttpMethod.Get, "/api/systems", key)).GetProperty("items").EnumerateArray();
            Assert.All(mine, s => Assert.Equal(vendor, s.GetProperty("vendor").GetString()));
        }

        foreach (var alert in (await _host.JsonAsync(HttpMethod.Get, "/api/alerts", ApiTestHost.AdminKey)).GetProperty("items").EnumerateArray())
        {
            Assert.Contains(alert.GetProperty("systemId").GetString()!, listed.Keys);
            await _host.JsonAsync(HttpMethod.Get, $"/api/alerts/{alert.GetProperty("id").GetString()}", ApiTestHost.AdminKey);
        }

        await foreach (var claim in _host.Table("idempotency").QueryAsync<TableEntity>(e => e.RowKey == "response"))
        {
            Assert.Equal("done", claim.GetString("State"));
        }

        var stored = await StoredText.AllTablesAsync(_host);
        foreach (var key in new[] { _tenants.Vendor, _tenants.OtherVendor, _tenants.Customer, _tenants.OtherCustomer }.Concat(_tenants.IngestKeys))
        {
            Assert.DoesNotContain(key[^64..], stored, StringComparison.Ordinal);
        }
    }

    private sealed class SilentLogAnalytics : LogAnalyticsQueryClient
    {
        public override async IAsyncEnumerable<LogQueryResult> QueryAllAsync(string workspaceId, string query, DateTimeOffset from, DateTimeOffset to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield break;
        }
    }
}
