using System.Net;
using System.Text.Json;
using GapMonitor.Api.Tests.Hosting;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// Keys over the real loopback host on Azurite: the admin lists them (never a key or hash), keys expire, their use is
/// recorded at most once per five minutes, and a vendor mints customer keys that see only its own systems of that customer.
/// </summary>
public sealed class KeyManagementJourneyTests : IAsyncLifetime
{
    private ApiTestHost _host = null!;
    private string _contoso = null!;
    private string _fabrikam = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _contoso = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        _fabrikam = await _host.CreateKeyAsync("vendor", vendor: "fabrikam-ai");
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task List_ShowsEveryKeysDetails_ButNeverAKeyOrAHash()
    {
        var created = await _host.JsonAsync(HttpMethod.Post, "/api/keys", ApiTestHost.AdminKey,
            new { role = "customer", customer = "acme", name = "acme ops", expiresAt = _host.Time.GetUtcNow().AddDays(30) }, 201);
        var key = created.GetProperty("key").GetString()!;

        using var response = await _host.SendAsync(HttpMethod.Get, "/api/keys", ApiTestHost.AdminKey);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var root = JsonDocument.Parse(text).RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("next").ValueKind);
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        var listed = Assert.Single(items, i => i.GetProperty("id").GetString() == created.GetProperty("id").GetString());
        Assert.Equal(("customer", "acme", "acme ops"), (listed.GetProperty("role").GetString(), listed.GetProperty("customer").GetString(), listed.GetProperty("name").GetString()));
        Assert.Equal(_host.Time.GetUtcNow().AddDays(30), listed.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(_host.Time.GetUtcNow(), listed.GetProperty("createdAt").GetDateTimeOffset());
        Assert.All(items, i => Assert.False(i.TryGetProperty("key", out _) || i.TryGetProperty("hash", out _), i.GetRawText()));
        Assert.DoesNotContain(key.Split('_')[2], text, StringComparison.Ordinal);
        Assert.DoesNotContain(GapMonitor.Core.Keys.ApiKeyFormat.Hash(key), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_PagesWithLimitAndCursor_UntilNextIsNull()
    {
        for (var i = 0; i < 3; i++)
        {
            await _host.CreateKeyAsync("customer", customer: "acme");
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await _host.JsonAsync(HttpMethod.Get, "/api/keys?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"), ApiTestHost.AdminKey);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            cursor = page.GetProperty("next").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(5, seen.Distinct().Count());
        await _host.JsonAsync(HttpMethod.Get, "/api/keys?limit=0", ApiTestHost.AdminKey, expectedStatus: 400);
        await _host.JsonAsync(HttpMethod.Get, "/api/keys?cursor=nope", ApiTestHost.AdminKey, expectedStatus: 400);
    }

    [Fact]
    public async Task List_ByAVendor_IsForbidden()
    {
        using var response = await _host.SendAsync(HttpMethod.Get, "/api/keys", _contoso);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task LastUsedAt_IsRecordedOnUse_AtMostOncePerFiveMinutes()
    {
        var created = await _host.JsonAsync(HttpMethod.Post, "/api/keys", ApiTestHost.AdminKey, new { role = "customer", customer = "acme" }, 201);
        var (id, key) = (created.GetProperty("id").GetString()!, created.GetProperty("key").GetString()!);
        Assert.Null(await LastUsedAtAsync(id));

        var firstUse = _host.Time.GetUtcNow();
        await _host.JsonAsync(HttpMethod.Get, "/api/systems", key);
        _host.Time.Advance(TimeSpan.FromMinutes(4));
        await _host.JsonAsync(HttpMethod.Get, "/api/systems", key);
        Assert.Equal(firstUse, await LastUsedAtAsync(id));

        _host.Time.Advance(TimeSpan.FromMinutes(1));
        await _host.JsonAsync(HttpMethod.Get, "/api/systems", key);
        Assert.Equal(firstUse.AddMinutes(5), await LastUsedAtAsync(id));
    }

    [Fact]
    public async Task ExpiredKey_Is401Everywhere()
    {
        var key = (await _host.JsonAsync(HttpMethod.Post, "/api/keys", ApiTestHost.AdminKey,
            new { role = "vendor", vendor = "contoso-ml", expiresAt = _host.Time.GetUtcNow().AddHours(1) }, 201)).GetProperty("key").GetString()!;
        await _host.JsonAsync(HttpMethod.Get, "/api/systems", key);

        _host.Time.Advance(TimeSpan.FromHours(1));

        await _host.JsonAsync(HttpMethod.Get, "/api/systems", key, expectedStatus: 401);
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", key, SystemBodies.Registration("expired-sys", "contoso-ml", "acme", _host.Time.GetUtcNow()), 401);
        await _host.JsonAsync(HttpMethod.Get, "/api/alerts", key, expectedStatus: 401);
    }

    [Theory]
    [InlineData("Acme ")]
    [InlineData("ACME")]
    [InlineData("acme/other")]
    public async Task Create_WithACustomerIdNoSystemCanHave_Is400NamingCustomer(string customer)
    {
        var byAdmin = await _host.JsonAsync(HttpMethod.Post, "/api/keys", ApiTestHost.AdminKey, new { role = "customer", customer }, 400);
        var byVendor = await _host.JsonAsync(HttpMethod.Post, "/api/keys", _contoso, new { role = "customer", customer }, 400);

        Assert.All(new[] { byAdmin, byVendor }, r => Assert.True(r.GetProperty("errors").TryGetProperty("customer", out _), r.GetRawText()));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(3653)]
    public async Task Create_WithAnExpiryNotInTheNextTenYears_Is400NamingExpiresAt(int days)
    {
        var response = await _host.JsonAsync(HttpMethod.Post, "/api/keys", ApiTestHost.AdminKey,
            new { role = "customer", customer = "acme", expiresAt = _host.Time.GetUtcNow().AddDays(days) }, 400);

        Assert.True(response.GetProperty("errors").TryGetProperty("expiresAt", out _), response.GetRawText());
    }

    [Fact]
    public async Task VendorMintedCustomerKey_SeesOnlyThatVendorsSystemsOfThatCustomer()
    {
        var handover = _host.Time.GetUtcNow().AddDays(-30);
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", _contoso, SystemBodies.Registration("contoso-acme", "contoso-ml", "acme", handover), 201);
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", _fabrikam, SystemBodies.Registration("fabrikam-acme", "fabrikam-ai", "acme", handover), 201);
        _host.Time.Advance(TimeSpan.FromMinutes(10));
        await _host.SweepAsync();
        var minted = await _host.JsonAsync(HttpMethod.Post, "/api/keys", _contoso, new { role = "customer", customer = "acme", name = "acme via contoso" }, 201);
        Assert.Equal("contoso-ml", minted.GetProperty("vendor").GetString());
        var key = minted.GetProperty("key").GetString()!;
        var fabrikamAlert = (await _host.JsonAsync(HttpMethod.Get, "/api/alerts?systemId=fabrikam-acme", ApiTestHost.AdminKey)).GetProperty("items")[0].GetProperty("id").GetString()!;

        var systems = await _host.JsonAsync(HttpMethod.Get, "/api/systems", key);
        Assert.Equal(["contoso-acme"], systems.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        var alerts = await _host.JsonAsync(HttpMethod.Get, "/api/alerts", key);
        Assert.NotEmpty(alerts.GetProperty("items").EnumerateArray());
        Assert.All(alerts.GetProperty("items").EnumerateArray(), a => Assert.Equal("contoso-acme", a.GetProperty("systemId").GetString()));
        await _host.JsonAsync(HttpMethod.Get, "/api/systems/contoso-acme", key);
        foreach (var path in new[] { "/api/systems/fabrikam-acme", "/api/systems/fabrikam-acme/status", "/api/systems/fabrikam-acme/audit", "/api/systems/fabrikam-acme/drift", "/api/systems/fabrikam-acme/metrics", $"/api/alerts/{fabrikamAlert}" })
        {
            await _host.JsonAsync(HttpMethod.Get, path, key, expectedStatus: 404);
        }

        await _host.JsonAsync(HttpMethod.Post, $"/api/alerts/{fabrikamAlert}/acknowledge", key, new { note = "not mine" }, 404);
        await _host.JsonAsync(HttpMethod.Post, "/api/systems/fabrikam-acme/heartbeats", key, new { status = "ok" }, 404);
        await _host.JsonAsync(HttpMethod.Post, "/api/systems/fabrikam-acme/ingest-key", key, expectedStatus: 404);
        await _host.JsonAsync(HttpMethod.Get, "/api/customers/acme/sources", key, expectedStatus: 404);
        var plainCustomer = await _host.CreateKeyAsync("customer", customer: "acme");
        await _host.JsonAsync(HttpMethod.Get, "/api/systems/fabrikam-acme", plainCustomer);
    }

    [Fact]
    public async Task VendorMintedCustomerKey_IsAuditedAsMintedByTheVendor_AndSeesNoFullCustomerWebhookUrl()
    {
        var webhook = new Uri("https://hooks.acme.example/gap?token=customer-secret-token");
        var body = SystemBodies.Registration("contoso-acme", "contoso-ml", "acme", _host.Time.GetUtcNow().AddDays(-30), customerWebhook: webhook, customerSecret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", _contoso, body, 201);
        _host.Time.Advance(TimeSpan.FromMinutes(10));
        await _host.SweepAsync();
        var key = (await _host.JsonAsync(HttpMethod.Post, "/api/keys", _contoso, new { role = "customer", customer = "acme" }, 201)).GetProperty("key").GetString()!;
        var alert = (await _host.JsonAsync(HttpMethod.Get, "/api/alerts?systemId=contoso-acme", key)).GetProperty("items")[0].GetProperty("id").GetString()!;

        await _host.JsonAsync(HttpMethod.Post, $"/api/alerts/{alert}/acknowledge", key, new { note = "on it" });

        var audit = await _host.JsonAsync(HttpMethod.Get, "/api/systems/contoso-acme/audit", ApiTestHost.AdminKey);
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "alert.acknowledged"
            && e.GetProperty("actor").GetString() == "customer:acme via vendor:contoso-ml");
        var seen = (await _host.JsonAsync(HttpMethod.Get, "/api/systems/contoso-acme", key)).GetRawText();
        Assert.DoesNotContain("customer-secret-token", seen, StringComparison.Ordinal);
        Assert.Contains("hooks.acme.example", seen, StringComparison.Ordinal);
        var plainCustomer = await _host.CreateKeyAsync("customer", customer: "acme");
        Assert.Contains("customer-secret-token", (await _host.JsonAsync(HttpMethod.Get, "/api/systems/contoso-acme", plainCustomer)).GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"role":"admin"}""", "role")]
    [InlineData("""{"role":"vendor","vendor":"contoso-ml"}""", "role")]
    [InlineData("""{"role":"customer","customer":"acme","vendor":"fabrikam-ai"}""", "vendor")]
    public async Task Vendor_CreatingAnythingButItsOwnCustomerKeys_Is403NamingTheField(string body, string field)
    {
        var response = await _host.JsonAsync(HttpMethod.Post, "/api/keys", _contoso, body, 403);

        Assert.True(response.GetProperty("errors").TryGetProperty(field, out _), response.GetRawText());
    }

    [Fact]
    public async Task Vendor_RevokesOnlyTheCustomerKeysMadeForItsSystems()
    {
        var own = await _host.JsonAsync(HttpMethod.Post, "/api/keys", _contoso, new { role = "customer", customer = "acme" }, 201);
        var others = await _host.JsonAsync(HttpMethod.Post, "/api/keys", _fabrikam, new { role = "customer", customer = "acme" }, 201);
        var adminMade = await _host.JsonAsync(HttpMethod.Post, "/api/keys", ApiTestHost.AdminKey, new { role = "customer", customer = "acme" }, 201);
        var vendorKeyId = (await _host.JsonAsync(HttpMethod.Get, "/api/keys", ApiTestHost.AdminKey)).GetProperty("items").EnumerateArray()
            .First(i => i.GetProperty("role").GetString() == "vendor" && i.GetProperty("vendor").GetString() == "fabrikam-ai").GetProperty("id").GetString();

        foreach (var id in new[] { others.GetProperty("id").GetString(), adminMade.GetProperty("id").GetString(), vendorKeyId })
        {
            await _host.JsonAsync(HttpMethod.Delete, $"/api/keys/{id}", _contoso, expectedStatus: 404);
        }

        await _host.JsonAsync(HttpMethod.Delete, $"/api/keys/{own.GetProperty("id").GetString()}", _contoso, expectedStatus: 204);
        await _host.JsonAsync(HttpMethod.Get, "/api/systems", own.GetProperty("key").GetString(), expectedStatus: 401);
        await _host.JsonAsync(HttpMethod.Get, "/api/systems", others.GetProperty("key").GetString());
        await _host.JsonAsync(HttpMethod.Get, "/api/systems", adminMade.GetProperty("key").GetString());
    }

    private async Task<DateTimeOffset?> LastUsedAtAsync(string id)
    {
        var items = (await _host.JsonAsync(HttpMethod.Get, "/api/keys?limit=1000", ApiTestHost.AdminKey)).GetProperty("items");
        var key = items.EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);
        return key.TryGetProperty("lastUsedAt", out var at) ? at.GetDateTimeOffset() : null;
    }
}
