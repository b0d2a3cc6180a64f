using System.Net;
using System.Text;
using System.Text.Json;
using GapMonitor.Api.Tests.Hosting;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>A JSON body that names a member twice is ambiguous: every JSON route answers 400, never 500, and stores nothing.</summary>
public sealed class DuplicateMemberTests : IAsyncLifetime
{
    private ApiTestHost _host = null!;
    private string _vendor = null!;
    private string _customer = null!;
    private string _ingest = null!;
    private string _alertId = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        _customer = await _host.CreateKeyAsync("customer", customer: "acme");
        _ingest = (await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendor,
            SystemBodies.Registration("dup-sys", "contoso-ml", "acme", _host.Time.GetUtcNow().AddDays(-30)), 201)).GetProperty("ingestKey").GetString()!;
        _host.Time.Advance(TimeSpan.FromMinutes(10));
        await _host.SweepAsync();
        _alertId = (await _host.JsonAsync(HttpMethod.Get, "/api/alerts?systemId=dup-sys", _customer)).GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    public static TheoryData<string, string, string, string> Bodies => new()
    {
        { "POST", "/api/keys", "admin", "{\"role\":\"vendor\",\"vendor\":\"a\",\"vendor\":\"b\"}" },
        { "POST", "/api/keys", "admin", "{\"role\":\"vendor\",\"vendor\":\"a\",\"Vendor\":\"b\"}" },
        { "POST", "/api/systems", "vendor", "{\"id\":\"dup-new\",\"id\":\"dup-other\"}" },
        { "PUT", "/api/systems/dup-sys", "vendor", "{\"name\":\"a\",\"name\":\"b\"}" },
        { "POST", "/api/systems/dup-sys/heartbeats", "ingest", "{\"status\":\"ok\",\"status\":\"fail\"}" },
        { "POST", "/api/systems/dup-sys/deployments", "ingest", "{\"modelVersion\":\"1\",\"modelVersion\":\"2\"}" },
        { "POST", "/api/systems/dup-sys/telemetry", "ingest", "[{\"age\":1,\"age\":2}]" },
        { "POST", "/api/systems/dup-sys/metrics", "ingest", "{\"metrics\":[{\"name\":\"a\",\"value\":1,\"value\":2}]}" },
        { "POST", "/api/alerts/{alert}/acknowledge", "customer", "{\"note\":\"a\",\"note\":\"b\"}" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task JsonRoute_WithDuplicateMember_Returns400Problem(string method, string path, string who, string body)
    {
        var key = who switch { "admin" => ApiTestHost.AdminKey, "vendor" => _vendor, "customer" => _customer, _ => _ingest };
        using var response = await _host.SendAsync(new HttpMethod(method), path.Replace("{alert}", _alertId, StringComparison.Ordinal), key, body, r =>
        {
            r.Headers.TryAddWithoutValidation("If-Match", "*");
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, JsonDocument.Parse(text).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task NdjsonTelemetry_WithDuplicateMember_Returns400()
    {
        using var response = await _host.SendAsync(HttpMethod.Post, "/api/systems/dup-sys/telemetry", _ingest, configure: r =>
            r.Content = new StringContent("{\"age\":1}\n{\"age\":1,\"age\":2}\n", Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task NdjsonReference_WithDuplicateMember_Returns400()
    {
        using var response = await _host.SendAsync(HttpMethod.Put, "/api/systems/dup-sys/reference", _vendor, configure: r =>
            r.Content = new StringContent("{\"age\":1}\n{\"age\":1,\"age\":2}\n", Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
