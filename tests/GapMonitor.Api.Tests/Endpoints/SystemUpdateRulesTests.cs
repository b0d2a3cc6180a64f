using System.Net;
using System.Text.Json;
using GapMonitor.Api.Tests.Hosting;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>Updating a system: only with the ETag it was read with, and never to another vendor or customer.</summary>
public sealed class SystemUpdateRulesTests : IAsyncLifetime
{
    private ApiTestHost _host = null!;
    private string _vendor = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendor, Body("contoso-ml", "acme", "Original"), 201);
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task Update_WithoutIfMatch_Returns428AndChangesNothing()
    {
        using var response = await _host.SendAsync(HttpMethod.Put, "/api/systems/upd-sys", _vendor, Body("contoso-ml", "acme", "Renamed"));
        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(428, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Original", (await _host.JsonAsync(HttpMethod.Get, "/api/systems/upd-sys", _vendor)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Update_WithCurrentETag_Succeeds()
    {
        var etag = await ETagOf("upd-sys");
        using var response = await _host.SendAsync(HttpMethod.Put, "/api/systems/upd-sys", _vendor, Body("contoso-ml", "acme", "Renamed"),
            r => r.Headers.TryAddWithoutValidation("If-Match", etag));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("admin", "contoso-ml", "globex", "customer")]
    [InlineData("admin", "fabrikam-ai", "acme", "vendor")]
    [InlineData("vendor", "contoso-ml", "globex", "customer")]
    [InlineData("vendor", "fabrikam-ai", "acme", "vendor")]
    public async Task Update_ThatMovesTheSystemToAnotherTenant_Returns400NamingTheField(string who, string vendor, string customer, string field)
    {
        var key = who == "admin" ? ApiTestHost.AdminKey : _vendor;
        var etag = await ETagOf("upd-sys");
        using var response = await _host.SendAsync(HttpMethod.Put, "/api/systems/upd-sys", key, Body(vendor, customer, "Moved"),
            r => r.Headers.TryAddWithoutValidation("If-Match", etag));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), text);
        var stored = await _host.JsonAsync(HttpMethod.Get, "/api/systems/upd-sys", ApiTestHost.AdminKey);
        Assert.Equal(("contoso-ml", "acme", "Original"), (stored.GetProperty("vendor").GetString(), stored.GetProperty("customer").GetString(), stored.GetProperty("name").GetString()));
    }

    private async Task<string> ETagOf(string id)
    {
        using var read = await _host.SendAsync(HttpMethod.Get, $"/api/systems/{id}", ApiTestHost.AdminKey);
        return read.Headers.GetValues("ETag").Single();
    }

    private object Body(string vendor, string customer, string name) =>
        JsonBodies.Merge(SystemBodies.Registration("upd-sys", vendor, customer, _host.Time.GetUtcNow()), JsonSerializer.Serialize(new { name }));
}
