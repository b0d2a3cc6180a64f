using System.Net;
using System.Text.Json;
using GapMonitor.Api.Tests.Hosting;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>Bad input gets a 400 problem naming the field, nothing half-written; repeats with an Idempotency-Key change nothing.</summary>
public sealed class ValidationAndIdempotencyTests : IAsyncLifetime
{
    private ApiTestHost _host = null!;
    private string _vendor = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync(maxRequestBytes: 64 * 1024);
        _vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Theory]
    [InlineData("{\"id\":\"Bad Id!\"}", "id")]
    [InlineData("{\"id\":\"valid-id\\n\"}", "id")]
    [InlineData("{\"customer\":\"acme\\n\"}", "customer")]
    [InlineData("{\"handoverAt\":\"not a date\"}", "handoverAt")]
    [InlineData("{\"monitoring\":{\"heartbeatPeriod\":\"5 minutes\"}}", "monitoring.heartbeatPeriod")]
    [InlineData("{\"vendorGracePeriod\":\"P1M\"}", "vendorGracePeriod")]
    [InlineData("{\"contacts\":[{\"party\":\"boss\",\"email\":\"x@y.example\"}]}", "contacts[0].party")]
    [InlineData("{\"contacts\":[{\"party\":\"customer\",\"email\":\"not-an-email\"}]}", "contacts[0].email")]
    [InlineData("{\"contacts\":[{\"party\":\"customer\",\"webhook\":{\"url\":\"ftp://x\",\"secret\":\"whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"}}]}", "contacts[0].webhook.url")]
    [InlineData("{\"contacts\":[{\"party\":\"customer\",\"webhook\":{\"url\":\"https://h.example/x\",\"secret\":\"plain\"}}]}", "contacts[0].webhook.secret")]
    [InlineData("{\"contacts\":[]}", "contacts")]
    [InlineData("{\"name\":5}", "name")]
    [InlineData("{\"telemetry\":{\"logAnalytics\":{\"workspaceId\":\"not-a-guid\"}}}", "telemetry.logAnalytics.workspaceId")]
    [InlineData("{\"telemetry\":{\"inferenceLog\":{\"containerUri\":\"nope\",\"prefix\":\"x\"}}}", "telemetry.inferenceLog.containerUri")]
    [InlineData("{\"telemetry\":{\"driftWindow\":\"P1M\"}}", "telemetry.driftWindow")]
    public async Task RegisterSystem_WithBadField_Returns400NamingIt(string overrides, string field)
    {
        var body = Merge(SystemBodies.Registration("valid-id", "contoso-ml", "acme", _host.Time.GetUtcNow()), overrides);
        var problem = await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendor, body, 400);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors lacks {field}: {problem}");
        await _host.JsonAsync(HttpMethod.Get, "/api/systems/valid-id", _vendor, expectedStatus: 404);
    }

    [Theory]
    [InlineData("{", "body")]
    [InlineData("[]", "body")]
    [InlineData("", "body")]
    public async Task RegisterSystem_WithMalformedJson_Returns400Problem(string raw, string field)
    {
        using var response = await _host.SendAsync(HttpMethod.Post, "/api/systems", _vendor, raw);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Theory]
    [InlineData("{\"status\":\"maybe\"}", "status")]
    [InlineData("{}", "status")]
    [InlineData("{\"status\":\"ok\",\"at\":\"2030-01-01T00:00:00Z\"}", "at")]
    public async Task Heartbeat_WithBadField_Returns400NamingIt(string raw, string field)
    {
        var ingest = await RegisterAsync("hb-check");
        using var response = await _host.SendAsync(HttpMethod.Post, "/api/systems/hb-check/heartbeats", ingest, raw);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Body_OverTheLimit_Returns413()
    {
        var huge = "{\"name\":\"" + new string('x', 70 * 1024) + "\"}";
        using var response = await _host.SendAsync(HttpMethod.Post, "/api/systems", _vendor, huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task RegisterSystem_WithSameIdempotencyKey_ReturnsFirstResultAndCreatesOnce()
    {
        var body = SystemBodies.Registration("idem-one", "contoso-ml", "acme", _host.Time.GetUtcNow());
        using var first = await _host.SendAsync(HttpMethod.Post, "/api/systems", _vendor, body, r => r.Headers.Add("Idempotency-Key", "k-1"));
        using var second = await _host.SendAsync(HttpMethod.Post, "/api/systems", _vendor, body, r => r.Headers.Add("Idempotency-Key", "k-1"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));

        using var withoutKey = await _host.SendAsync(HttpMethod.Post, "/api/systems", _vendor, body);
        Assert.Equal(HttpStatusCode.Conflict, withoutKey.StatusCode);

        var other = SystemBodies.Registration("idem-two", "contoso-ml", "acme", _host.Time.GetUtcNow());
        using var reused = await _host.SendAsync(HttpMethod.Post, "/api/systems", _vendor, other, r => r.Headers.Add("Idempotency-Key", "k-1"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
    }

    [Fact]
    public async Task UpdateSystem_WithStaleIfMatch_Returns412AndChangesNothing()
    {
        await RegisterAsync("etag-sys");
        using var read = await _host.SendAsync(HttpMethod.Get, "/api/systems/etag-sys", _vendor);
        var etag = read.Headers.ETag?.ToString() ?? read.Headers.GetValues("ETag").Single();
        var renamed = Merge(SystemBodies.Registration("etag-sys", "contoso-ml", "acme", _host.Time.GetUtcNow()), "{\"name\":\"Renamed\"}");
        using var update = await _host.SendAsync(HttpMethod.Put, "/api/systems/etag-sys", _vendor, renamed, r => r.Headers.TryAddWithoutValidation("If-Match", etag));
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var stale = Merge(SystemBodies.Registration("etag-sys", "contoso-ml", "acme", _host.Time.GetUtcNow()), "{\"name\":\"Stale\"}");
        using var conflict = await _host.SendAsync(HttpMethod.Put, "/api/systems/etag-sys", _vendor, stale, r => r.Headers.TryAddWithoutValidation("If-Match", etag));
        Assert.Equal(HttpStatusCode.PreconditionFailed, conflict.StatusCode);
        var current = await _host.JsonAsync(HttpMethod.Get, "/api/systems/etag-sys", _vendor);
        Assert.Equal("Renamed", current.GetProperty("name").GetString());
    }

    [Fact]
    public async Task GetSystem_NeverReturnsWebhookSecrets()
    {
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendor,
            SystemBodies.Registration("secret-sys", "contoso-ml", "acme", _host.Time.GetUtcNow(), new Uri("https://hooks.acme.example/gap"), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), 201);
        using var response = await _host.SendAsync(HttpMethod.Get, "/api/systems/secret-sys", _vendor);
        Assert.DoesNotContain("whsec_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterSystem_WithTelemetry_StoresItAndHidesTheSas()
    {
        var body = Merge(SystemBodies.Registration("tele-sys", "contoso-ml", "acme", _host.Time.GetUtcNow()), """
            {"telemetry":{"inferenceLog":{"containerUri":"https://acct.blob.core.windows.net/azureml?sv=2024&sig=secret","prefix":"modelDataCollector/churn/blue/model_inputs"},
             "logAnalytics":{"workspaceId":"6f0b2b4e-5d1c-4f7a-9a51-0c9f0a1b2c3d"},"driftWindow":"PT6H"}}
            """);
        await _host.JsonAsync(HttpMethod.Put, "/api/customers/acme/sources", ApiTestHost.AdminKey, new { workspaces = new[] { "6f0b2b4e-5d1c-4f7a-9a51-0c9f0a1b2c3d" } });
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendor, body, 201);
        using var response = await _host.SendAsync(HttpMethod.Get, "/api/systems/tele-sys", _vendor);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("sig=secret", text, StringComparison.Ordinal);
        using var system = JsonDocument.Parse(text);
        var telemetry = system.RootElement.GetProperty("telemetry");
        Assert.Equal("PT6H", telemetry.GetProperty("driftWindow").GetString());
        Assert.True(telemetry.GetProperty("inferenceLog").GetProperty("hasSas").GetBoolean());
        Assert.Equal("6f0b2b4e-5d1c-4f7a-9a51-0c9f0a1b2c3d", telemetry.GetProperty("logAnalytics").GetProperty("workspaceId").GetString());
    }

    [Fact]
    public async Task Health_And_OpenApi_AreAnonymous()
    {
        var health = await _host.JsonAsync(HttpMethod.Get, "/api/health", key: null);
        Assert.Equal("reachable", health.GetProperty("storage").GetString());
        var openApi = await _host.JsonAsync(HttpMethod.Get, "/api/openapi.json", key: null);
        var paths = openApi.GetProperty("paths");
        foreach (var path in new[] { "/api/systems", "/api/systems/{id}", "/api/systems/{id}/heartbeats", "/api/alerts/{id}/acknowledge", "/api/keys", "/api/sweep" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lacks {path}");
        }
    }

    private async Task<string> RegisterAsync(string id) =>
        (await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendor, SystemBodies.Registration(id, "contoso-ml", "acme", _host.Time.GetUtcNow()), 201))
            .GetProperty("ingestKey").GetString()!;

    private static string Merge(object body, string overridesJson)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(body, new JsonSerializerOptions(JsonSerializerDefaults.Web)))!.AsObject();
        foreach (var (name, value) in System.Text.Json.Nodes.JsonNode.Parse(overridesJson)!.AsObject())
        {
            node[name] = value?.DeepClone();
        }

        return node.ToJsonString();
    }
}
