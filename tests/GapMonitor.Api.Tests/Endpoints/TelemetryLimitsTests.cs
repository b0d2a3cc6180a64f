using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// Limits that keep one system's telemetry from jamming it or growing without bound: wide datasets, reports larger
/// than a table row holds, windows that fail to close.
/// </summary>
public sealed class TelemetryLimitsTests : IAsyncLifetime
{
    private ApiTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiTestHost.StartAsync(maxRequestBytes: 8 * 1024 * 1024);

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task DriftReport_LargerThanATableRowHolds_IsStoredAndServedWhole_AndIngestionGoesOn()
    {
        var (vendor, ingest) = await RegisterAsync("wide-sys");
        var names = Enumerable.Range(0, 1000).Select(i => $"feature_{i:D4}_".PadRight(256, 'x')).ToArray();
        await UploadReferenceAsync(vendor, "wide-sys", names, rows: 20, offset: 0);

        await PushAsync(ingest, "wide-sys", names, rows: 5, offset: 0.5, expectedStatus: 202);
        await _host.SweepAsync();
        _host.Time.Advance(TimeSpan.FromMinutes(61));
        await PushAsync(ingest, "wide-sys", names, rows: 1, offset: 0.5, expectedStatus: 202);
        await PushAsync(ingest, "wide-sys", names, rows: 1, offset: 0.5, expectedStatus: 202);
        await _host.SweepAsync();

        var windows = await _host.JsonAsync(HttpMethod.Get, "/api/systems/wide-sys/drift", vendor);
        var window = Assert.Single(windows.GetProperty("items").EnumerateArray());
        Assert.Equal(5, window.GetProperty("rows").GetInt64());
        var columns = window.GetProperty("report").GetProperty("columns");
        Assert.Equal(1000, columns.GetArrayLength());
        Assert.Equal(names, columns.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.True(window.GetProperty("report").ToString().Length > 512 * 1024, "the report is larger than a 1 MiB entity holds (strings count twice, as UTF-16)");
    }

    [Fact]
    public async Task WindowThatFailsToClose_DoesNotBlockIngestion_AndClosesOnALaterTry()
    {
        var (vendor, ingest) = await RegisterAsync("fragile-sys");
        string[] names = ["a", "b"];
        var version = await UploadReferenceAsync(vendor, "fragile-sys", names, rows: 30, offset: 0);
        var profile = (await ContainerAsync("references")).GetBlobClient($"fragile-sys/{version}.profile.bin");
        var good = (await profile.DownloadContentAsync()).Value.Content;
        await profile.UploadAsync(BinaryData.FromString("{ not a profile"), overwrite: true);

        await PushAsync(ingest, "fragile-sys", names, rows: 12, offset: 0.25, expectedStatus: 202);
        _host.Time.Advance(TimeSpan.FromMinutes(61));
        await PushAsync(ingest, "fragile-sys", names, rows: 3, offset: 0.25, expectedStatus: 202);
        await PushAsync(ingest, "fragile-sys", names, rows: 3, offset: 0.25, expectedStatus: 202);
        await _host.SweepAsync();
        Assert.Empty((await _host.JsonAsync(HttpMethod.Get, "/api/systems/fragile-sys/drift", vendor)).GetProperty("items").EnumerateArray());
        var status = await _host.JsonAsync(HttpMethod.Get, "/api/systems/fragile-sys/status", vendor);
        Assert.Equal(6, status.GetProperty("telemetry").GetProperty("openWindowRows").GetInt64());

        await profile.UploadAsync(good, overwrite: true);
        _host.Time.Advance(TimeSpan.FromMinutes(5));
        await PushAsync(ingest, "fragile-sys", names, rows: 1, offset: 0.25, expectedStatus: 202);
        await _host.SweepAsync();

        var window = Assert.Single((await _host.JsonAsync(HttpMethod.Get, "/api/systems/fragile-sys/drift", vendor)).GetProperty("items").EnumerateArray());
        Assert.Equal(12, window.GetProperty("rows").GetInt64());
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero), window.GetProperty("windowStart").GetDateTimeOffset());
        Assert.Equal(2, window.GetProperty("report").GetProperty("columns").GetArrayLength());
    }

    [Fact]
    public async Task Columns_PastTheCapOfOneThousand_AreRefusedNamingTheFieldInOneBatch_AndIgnoredAcrossBatches()
    {
        var (vendor, ingest) = await RegisterAsync("cap-sys");
        var tooMany = Enumerable.Range(0, 1001).Select(i => $"c{i}").ToArray();
        using (var upload = await _host.SendAsync(HttpMethod.Put, "/api/systems/cap-sys/reference", vendor, configure: r => r.Content = new StringContent(Csv(tooMany, 3, 0), Encoding.UTF8, "text/csv")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
            var problem = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement;
            Assert.True(problem.GetProperty("errors").TryGetProperty("columns", out _), problem.ToString());
        }

        var refused = await PushAsync(ingest, "cap-sys", tooMany, rows: 1, offset: 0, expectedStatus: 400);
        Assert.True(refused.GetProperty("errors").TryGetProperty("[0].c1000", out _), refused.ToString());

        await PushAsync(ingest, "cap-sys", [.. tooMany.Take(600)], rows: 2, offset: 0, expectedStatus: 202);
        await PushAsync(ingest, "cap-sys", [.. tooMany.Skip(500).Take(501)], rows: 2, offset: 0, expectedStatus: 202);
        await PushAsync(ingest, "cap-sys", [.. tooMany.Skip(500).Take(500)], rows: 2, offset: 0, expectedStatus: 202);

        var longName = new string('n', 300);
        var tooLong = await PushAsync(ingest, "cap-sys", [longName], rows: 1, offset: 0, expectedStatus: 400);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("[0]." + longName, out _), tooLong.ToString());
        await _host.SweepAsync();
        var status = await _host.JsonAsync(HttpMethod.Get, "/api/systems/cap-sys/status", vendor);
        Assert.Equal(6, status.GetProperty("telemetry").GetProperty("openWindowRows").GetInt64());
        var state = JsonNode.Parse((await (await ContainerAsync("telemetry")).GetBlobClient("cap-sys/state.json").DownloadContentAsync()).Value.Content.ToString())!;
        Assert.Equal(2, state["ignoredValues"]!.GetValue<long>());
    }

    [Fact]
    public async Task ReferenceCsv_NamingAColumnTwice_Is400()
    {
        var (vendor, _) = await RegisterAsync("twice-sys");

        using var upload = await _host.SendAsync(HttpMethod.Put, "/api/systems/twice-sys/reference", vendor, configure: r => r.Content = new StringContent("age,age\n1,2\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Contains("age", await upload.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FutureTimes_AreRefusedNamingTheField_AndCannotEvictTheRealWindow()
    {
        var (vendor, ingest) = await RegisterAsync("future-sys");
        string[] names = ["a", "b"];
        await UploadReferenceAsync(vendor, "future-sys", names, rows: 30, offset: 0);
        await PushAsync(ingest, "future-sys", names, rows: 10, offset: 0, expectedStatus: 202);
        var now = _host.Time.GetUtcNow();
        for (var hours = 1; hours <= 60; hours++)
        {
            var refused = await PushAsync(ingest, "future-sys", names, rows: 1, offset: 0, expectedStatus: 400, query: $"?batchId=junk-{hours}&at={At(now.AddHours(hours))}");
            Assert.True(refused.GetProperty("errors").TryGetProperty("at", out _), refused.ToString());
        }

        await PushAsync(ingest, "future-sys", names, rows: 10, offset: 0, expectedStatus: 202, query: $"?at={At(now.AddMinutes(4))}");
        await PushAsync(ingest, "future-sys", names, rows: 10, offset: 0, expectedStatus: 202);
        _host.Time.Advance(TimeSpan.FromMinutes(61));
        await PushAsync(ingest, "future-sys", names, rows: 1, offset: 0, expectedStatus: 202);
        await _host.SweepAsync();

        var window = Assert.Single((await _host.JsonAsync(HttpMethod.Get, "/api/systems/future-sys/drift", vendor)).GetProperty("items").EnumerateArray());
        Assert.Equal(now, window.GetProperty("windowStart").GetDateTimeOffset());
        Assert.Equal(30, window.GetProperty("rows").GetInt64());
    }

    [Fact]
    public async Task EverNewHugeCategoryValues_KeepTheStateBounded()
    {
        var (_, ingest) = await RegisterAsync("category-sys");
        for (var i = 0; i < 20; i++)
        {
            var row = new JsonObject { ["plan"] = $"plan-{i}-" + new string('p', 50_000) };
            using var response = await _host.SendAsync(HttpMethod.Post, "/api/systems/category-sys/telemetry", ingest, "[" + row.ToJsonString() + "]");
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await _host.SweepAsync();
        var state = (await (await ContainerAsync("telemetry")).GetBlobClient("category-sys/state.json").DownloadContentAsync()).Value.Content;
        Assert.True(state.ToMemory().Length < 100_000, $"state.json is {state.ToMemory().Length} bytes after 20 values of 50,000 characters");
    }

    [Fact]
    public async Task EverNewModelVersions_AreCountedInABoundedWay()
    {
        var (_, ingest) = await RegisterAsync("version-sys");
        for (var i = 0; i < 130; i++)
        {
            await PushAsync(ingest, "version-sys", ["x"], rows: 1, offset: i, expectedStatus: 202, query: $"?modelVersion=v{i}");
        }

        await _host.SweepAsync();

        // The window's model versions are stored in the window's own blob, which the state store reads.
        var (state, _) = await _host.Services.GetRequiredService<GapMonitor.Core.Ports.ITelemetryStateStore>().GetAsync("version-sys");
        var versions = Assert.Single(state!.Windows).Value.ModelVersions;
        Assert.Equal(101, versions.Count);
        Assert.Equal(30, versions["(other)"]);
        Assert.Equal(130, versions.Values.Sum());
    }

    private async Task<(string Vendor, string Ingest)> RegisterAsync(string id)
    {
        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var body = JsonNode.Parse(JsonSerializer.Serialize(SystemBodies.Registration(id, "contoso-ml", "acme", _host.Time.GetUtcNow().AddDays(-30), heartbeatPeriod: "P1D"), new JsonSerializerOptions(JsonSerializerDefaults.Web)))!.AsObject();
        body["telemetry"] = JsonNode.Parse("""{"driftWindow":"PT1H"}""");
        var ingest = (await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendor, body.ToJsonString(), 201)).GetProperty("ingestKey").GetString()!;
        return (vendor, ingest);
    }

    private async Task<string> UploadReferenceAsync(string key, string id, IReadOnlyList<string> names, int rows, double offset)
    {
        using var upload = await _host.SendAsync(HttpMethod.Put, $"/api/systems/{id}/reference", key, configure: r => r.Content = new StringContent(Csv(names, rows, offset), Encoding.UTF8, "text/csv"));
        var text = await upload.Content.ReadAsStringAsync();
        Assert.True(upload.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("version").GetString()!;
    }

    private async Task<JsonElement> PushAsync(string key, string id, IReadOnlyList<string> names, int rows, double offset, int expectedStatus, string? query = null)
    {
        var body = new StringBuilder();
        for (var r = 0; r < rows; r++)
        {
            var row = new JsonObject();
            for (var c = 0; c < names.Count; c++)
            {
                row[names[c]] = Value(r, c, offset);
            }

            body.Append(row.ToJsonString()).Append('\n');
        }

        using var response = await _host.SendAsync(HttpMethod.Post, $"/api/systems/{id}/telemetry{query}", key,
            configure: m => m.Content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"expected {expectedStatus}, got {(int)response.StatusCode}: {text[..Math.Min(text.Length, 2000)]}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<BlobContainerClient> ContainerAsync(string name)
    {
        var prefix = _host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix.ToLowerInvariant();
        return new BlobServiceClient(await AzuriteFixture.ConnectionStringAsync()).GetBlobContainerClient(prefix + name);
    }

    private static string Csv(IReadOnlyList<string> names, int rows, double offset)
    {
        var csv = new StringBuilder(string.Join(',', names)).Append('\n');
        for (var r = 0; r < rows; r++)
        {
            csv.AppendJoin(',', Enumerable.Range(0, names.Count).Select(c => Value(r, c, offset).ToString(CultureInfo.InvariantCulture))).Append('\n');
        }

        return csv.ToString();
    }

    private static string At(DateTimeOffset at) => Uri.EscapeDataString(at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));

    private static double Value(int row, int column, double offset) => ((row * 7 + column) % 11) + offset;
}
