using System.Globalization;
using System.Net;
using Azure.Data.Tables;
using GapMonitor.Api.Tests.Hosting;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>Every time and duration a client sends is bounded, and one bad stored row never takes a listing down.</summary>
public sealed class TimeBoundsTests : IAsyncLifetime
{
    private ApiTestHost _host = null!;
    private string _vendor = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Theory]
    [InlineData("9999-12-31T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("2037-01-01T00:00:00Z")]
    [InlineData("2016-11-01T00:00:00Z")]
    public async Task RegisterSystem_WithHandoverAtMoreThanTenYearsAway_Returns400AndWritesNothing(string handoverAt)
    {
        var body = JsonBodies.Merge(SystemBodies.Registration("far-away", "contoso-ml", "acme", _host.Time.GetUtcNow()), $"{{\"handoverAt\":\"{handoverAt}\"}}");
        var problem = await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendor, body, 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("handoverAt", out _), problem.ToString());
        await _host.JsonAsync(HttpMethod.Get, "/api/systems/far-away", _vendor, expectedStatus: 404);
        await _host.JsonAsync(HttpMethod.Get, "/api/systems", _vendor);
    }

    [Fact]
    public async Task RegisterSystem_WithHandoverAtWithinTenYears_IsAccepted()
    {
        var now = _host.Time.GetUtcNow();
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendor, SystemBodies.Registration("near-future", "contoso-ml", "acme", now.AddYears(9)), 201);
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendor, SystemBodies.Registration("near-past", "contoso-ml", "acme", now.AddYears(-9)), 201);
        Assert.Equal(2, (await _host.JsonAsync(HttpMethod.Get, "/api/systems", _vendor)).GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("{\"vendorGracePeriod\":\"P3651D\"}", "vendorGracePeriod")]
    [InlineData("{\"acknowledgeWithin\":\"PT87625H\"}", "acknowledgeWithin")]
    [InlineData("{\"monitoring\":{\"heartbeatPeriod\":\"P99999999D\"}}", "monitoring.heartbeatPeriod")]
    [InlineData("{\"telemetry\":{\"driftWindow\":\"P4000D\"}}", "telemetry.driftWindow")]
    public async Task RegisterSystem_WithDurationOverTenYears_Returns400NamingIt(string overrides, string field)
    {
        var body = JsonBodies.Merge(SystemBodies.Registration("long-one", "contoso-ml", "acme", _host.Time.GetUtcNow()), overrides);
        var problem = await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendor, body, 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("heartbeats", "{\"status\":\"ok\",\"at\":\"{AT}\"}")]
    [InlineData("deployments", "{\"modelVersion\":\"2.0\",\"at\":\"{AT}\"}")]
    public async Task Signal_MoreThanFiveMinutesAhead_Returns400NamingAt(string route, string template)
    {
        var ingest = await RegisterAsync("signal-times");
        var ahead = _host.Time.GetUtcNow().AddMinutes(5).AddSeconds(1).ToString("O", CultureInfo.InvariantCulture);
        using var response = await _host.SendAsync(HttpMethod.Post, $"/api/systems/signal-times/{route}", ingest, template.Replace("{AT}", ahead, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"at\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var within = _host.Time.GetUtcNow().AddMinutes(4).ToString("O", CultureInfo.InvariantCulture);
        using var accepted = await _host.SendAsync(HttpMethod.Post, $"/api/systems/signal-times/{route}", ingest, template.Replace("{AT}", within, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    [Fact]
    public async Task Telemetry_WithAtQueryMoreThanFiveMinutesAhead_Returns400NamingAt()
    {
        var ingest = await RegisterAsync("telemetry-times");
        using var response = await _host.SendAsync(HttpMethod.Post, "/api/systems/telemetry-times/telemetry?at=2100-01-01T00:00:00Z", ingest, "[{\"age\":41}]");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"at\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListSystems_WithBadStoredRows_SkipsThemAndShowsTheRest()
    {
        await RegisterAsync("good-one");
        await RegisterAsync("good-two");
        var systems = _host.Table("systems");
        var template = (await systems.GetEntityAsync<TableEntity>("good-one", "system")).Value;
        var unreadable = new TableEntity(template) { PartitionKey = "bad-json", ["ContactsJson"] = "{not json" };
        var farFuture = new TableEntity(template) { PartitionKey = "bad-handover", ["HandoverAt"] = new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero) };
        var badDuration = new TableEntity(template) { PartitionKey = "bad-duration", ["VendorGracePeriod"] = "forever" };
        foreach (var row in new[] { unreadable, farFuture, badDuration })
        {
            await systems.AddEntityAsync(row);
        }

        foreach (var key in new[] { ApiTestHost.AdminKey, _vendor })
        {
            var list = await _host.JsonAsync(HttpMethod.Get, "/api/systems", key);
            var ids = list.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
            Assert.Contains("good-one", ids);
            Assert.Contains("good-two", ids);
            Assert.DoesNotContain("bad-json", ids);
        }
    }

    private async Task<string> RegisterAsync(string id) =>
        (await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendor, SystemBodies.Registration(id, "contoso-ml", "acme", _host.Time.GetUtcNow()), 201))
            .GetProperty("ingestKey").GetString()!;
}
