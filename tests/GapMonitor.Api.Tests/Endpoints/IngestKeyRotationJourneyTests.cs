using System.Net;
using GapMonitor.Api.Tests.Hosting;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary><c>POST /api/systems/{id}/ingest-key</c> over the real loopback host on Azurite: the old key stops at once, the new one works.</summary>
public sealed class IngestKeyRotationJourneyTests : IAsyncLifetime
{
    private ApiTestHost _host = null!;
    private string _vendor = null!;
    private string _oldIngestKey = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        _oldIngestKey = (await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendor,
            SystemBodies.Registration("rotate-sys", "contoso-ml", "acme", _host.Time.GetUtcNow().AddDays(-30)), 201)).GetProperty("ingestKey").GetString()!;
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Theory]
    [InlineData("customer")]
    [InlineData("vendor")]
    [InlineData("admin")]
    public async Task Rotate_OldKeyIs401AtOnce_NewKeyIsAccepted_AndItIsAudited(string who)
    {
        var key = who switch
        {
            "customer" => await _host.CreateKeyAsync("customer", customer: "acme"),
            "vendor" => _vendor,
            _ => ApiTestHost.AdminKey,
        };
        await HeartbeatAsync(_oldIngestKey, HttpStatusCode.Accepted);

        using var response = await _host.SendAsync(HttpMethod.Post, "/api/systems/rotate-sys/ingest-key", key);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var newKey = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("ingestKey").GetString()!;

        Assert.NotEqual(_oldIngestKey, newKey);
        await HeartbeatAsync(_oldIngestKey, HttpStatusCode.Unauthorized);
        await HeartbeatAsync(newKey, HttpStatusCode.Accepted);
        var audit = await _host.JsonAsync(HttpMethod.Get, "/api/systems/rotate-sys/audit", ApiTestHost.AdminKey);
        var entry = Assert.Single(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "system.ingest-key-rotated");
        Assert.DoesNotContain(newKey, entry.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_ByAnotherTenant_IsNotFoundAndTheKeyKeepsWorking()
    {
        var otherCustomer = await _host.CreateKeyAsync("customer", customer: "globex");

        using var response = await _host.SendAsync(HttpMethod.Post, "/api/systems/rotate-sys/ingest-key", otherCustomer);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await HeartbeatAsync(_oldIngestKey, HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Rotate_WithTheIngestKeyItself_IsForbidden()
    {
        using var response = await _host.SendAsync(HttpMethod.Post, "/api/systems/rotate-sys/ingest-key", _oldIngestKey);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task HeartbeatAsync(string key, HttpStatusCode expected)
    {
        using var response = await _host.SendAsync(HttpMethod.Post, "/api/systems/rotate-sys/heartbeats", key, new { status = "ok" });
        Assert.Equal(expected, response.StatusCode);
    }
}
