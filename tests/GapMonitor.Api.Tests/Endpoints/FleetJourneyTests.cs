using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json;
using GapMonitor.Api.Tests.Hosting;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// <c>GET /api/fleet</c> (API.md v2, "Fleet and continuity scorecard"): one line per system in the caller's scope,
/// paged in id order, with totals over every page. Four systems of two vendors and two customers; one sends
/// heartbeats, the others fall silent and a sweep opens their alerts; one of those is acknowledged.
/// </summary>
public sealed class FleetJourneyTests : IAsyncLifetime
{
    private ApiTestHost _host = null!;
    private string _contoso = null!;
    private string _acme = null!;
    private string _acmeOfContoso = null!;
    private DateTimeOffset _heartbeatAt;
    private DateTimeOffset _sweptAt;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _contoso = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var fabrikam = await _host.CreateKeyAsync("vendor", vendor: "fabrikam-ai");
        _acme = await _host.CreateKeyAsync("customer", customer: "acme");
        _acmeOfContoso = (await _host.JsonAsync(HttpMethod.Post, "/api/keys", _contoso, new { role = "customer", customer = "acme" }, 201)).GetProperty("key").GetString()!;
        var longAgo = _host.Time.GetUtcNow().AddDays(-30);
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", _contoso, SystemBodies.Registration("acme-churn", "contoso-ml", "acme", longAgo), 201);
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", _contoso, SystemBodies.Registration("acme-fraud", "contoso-ml", "acme", longAgo), 201);
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", fabrikam, SystemBodies.Registration("fab-acme", "fabrikam-ai", "acme", longAgo), 201);
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", _contoso, SystemBodies.Registration("globex-churn", "contoso-ml", "globex", _host.Time.GetUtcNow()), 201);
        _host.Time.Advance(TimeSpan.FromMinutes(8));
        _heartbeatAt = _host.Time.GetUtcNow();
        await _host.JsonAsync(HttpMethod.Post, "/api/systems/acme-churn/heartbeats", ApiTestHost.AdminKey, new { status = "ok" }, 202);
        await _host.SweepAsync();
        _sweptAt = _host.Time.GetUtcNow();
        var fraudAlert = (await _host.JsonAsync(HttpMethod.Get, "/api/alerts?systemId=acme-fraud", ApiTestHost.AdminKey)).GetProperty("items")[0].GetProperty("id").GetString();
        await _host.JsonAsync(HttpMethod.Post, $"/api/alerts/{fraudAlert}/acknowledge", _acme, new { by = "ops@acme.example" });
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task ASilenceInEffect_ShowsAsSilencedUntilItsEnd()
    {
        var endsAt = _host.Time.GetUtcNow().AddHours(2);
        await _host.JsonAsync(HttpMethod.Post, "/api/silences", _contoso, new { systemId = "acme-churn", endsAt, reason = "Retraining" }, 201);

        var fleet = await _host.JsonAsync(HttpMethod.Get, "/api/fleet", ApiTestHost.AdminKey);

        var items = fleet.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("systemId").GetString()!);
        Assert.Equal(endsAt, items["acme-churn"].GetProperty("silencedUntil").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, items["acme-fraud"].GetProperty("silencedUntil").ValueKind);
    }

    [Fact]
    public async Task Admin_SeesEverySystemOnOneLine_WithTotals()
    {
        var fleet = await _host.JsonAsync(HttpMethod.Get, "/api/fleet", ApiTestHost.AdminKey);

        var items = fleet.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("systemId").GetString()!);
        Assert.Equal(["acme-churn", "acme-fraud", "fab-acme", "globex-churn"], items.Keys);
        Assert.Equal(JsonValueKind.Null, fleet.GetProperty("next").ValueKind);

        var up = items["acme-churn"];
        Assert.Equal(("Model acme-churn", "contoso-ml", "acme", "customer"), (up.GetProperty("name").GetString(), up.GetProperty("vendor").GetString(), up.GetProperty("customer").GetString(), up.GetProperty("owner").GetString()));
        Assert.Equal("up", up.GetProperty("monitoring").GetProperty("state").GetString());
        Assert.Equal(_heartbeatAt, up.GetProperty("monitoring").GetProperty("lastHeartbeatAt").GetDateTimeOffset());
        Assert.Equal("due", up.GetProperty("ownership").GetProperty("state").GetString());
        Assert.Equal(_heartbeatAt - TimeSpan.FromMinutes(8) + TimeSpan.FromDays(7), up.GetProperty("ownership").GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, up.GetProperty("silencedUntil").ValueKind);
        Assert.Equal(JsonValueKind.Null, up.GetProperty("lastDrift").ValueKind);
        Assert.Equal(JsonValueKind.Null, up.GetProperty("oldestUnacknowledgedAt").ValueKind);
        Assert.Empty(up.GetProperty("openAlerts").EnumerateObject());
        Assert.False(up.GetProperty("lapsed").GetBoolean());
        Assert.Equal(75, up.GetProperty("continuity").GetProperty("score").GetInt32());

        var acknowledged = items["acme-fraud"];
        Assert.Equal("down", acknowledged.GetProperty("monitoring").GetProperty("state").GetString());
        Assert.Empty(acknowledged.GetProperty("openAlerts").EnumerateObject());
        Assert.Equal(1, acknowledged.GetProperty("acknowledgedAlerts").GetProperty("monitoring-silent").GetInt32());
        Assert.True(acknowledged.GetProperty("lapsed").GetBoolean());

        var vendorOwned = items["globex-churn"];
        Assert.Equal("vendor", vendorOwned.GetProperty("owner").GetString());
        Assert.Equal(1, vendorOwned.GetProperty("openAlerts").GetProperty("monitoring-silent").GetInt32());
        Assert.Equal(_sweptAt, vendorOwned.GetProperty("oldestUnacknowledgedAt").GetDateTimeOffset());
        Assert.Equal(50, vendorOwned.GetProperty("continuity").GetProperty("score").GetInt32());

        var totals = fleet.GetProperty("totals");
        Assert.Equal(4, totals.GetProperty("systems").GetInt32());
        Assert.Equal(3, totals.GetProperty("lapsed").GetInt32());
        Assert.Equal(3, totals.GetProperty("byOwner").GetProperty("customer").GetInt32());
        Assert.Equal(1, totals.GetProperty("byOwner").GetProperty("vendor").GetInt32());
        Assert.Equal(2, totals.GetProperty("openAlerts").GetProperty("monitoring-silent").GetInt32());
        Assert.Equal(3, totals.GetProperty("byMonitoring").GetProperty("down").GetInt32());
    }

    [Fact]
    public async Task Vendor_FollowingNextWithLimit2_SeesItsOwnSystemsOnce_AndTheSameTotalsOnEveryPage()
    {
        var first = await _host.JsonAsync(HttpMethod.Get, "/api/fleet?limit=2", _contoso);
        var second = await _host.JsonAsync(HttpMethod.Get, $"/api/fleet?limit=2&cursor={Uri.EscapeDataString(first.GetProperty("next").GetString()!)}", _contoso);

        Assert.Equal(["acme-churn", "acme-fraud", "globex-churn"], new[] { first, second }.SelectMany(Ids));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        Assert.All(new[] { first, second }, p => Assert.Equal(3, p.GetProperty("totals").GetProperty("systems").GetInt32()));
        Assert.All(new[] { first, second }, p => Assert.Equal(1, p.GetProperty("totals").GetProperty("openAlerts").GetProperty("monitoring-silent").GetInt32()));
    }

    [Fact]
    public async Task Customer_SeesItsSystemsOfEveryVendor_AVendorMintedKeyOnlyThatVendors()
    {
        Assert.Equal(["acme-churn", "acme-fraud", "fab-acme"], Ids(await _host.JsonAsync(HttpMethod.Get, "/api/fleet", _acme)));
        Assert.Equal(["acme-churn", "acme-fraud"], Ids(await _host.JsonAsync(HttpMethod.Get, "/api/fleet", _acmeOfContoso)));
        Assert.Empty(Ids(await _host.JsonAsync(HttpMethod.Get, "/api/fleet?vendor=fabrikam-ai", _acmeOfContoso)));
        Assert.Equal(2, (await _host.JsonAsync(HttpMethod.Get, "/api/fleet", _acmeOfContoso)).GetProperty("totals").GetProperty("systems").GetInt32());
    }

    [Theory]
    [InlineData("owner=vendor", new[] { "globex-churn" })]
    [InlineData("owner=customer&state=up", new[] { "acme-churn" })]
    [InlineData("state=lapsed", new[] { "acme-fraud", "fab-acme", "globex-churn" })]
    [InlineData("state=ok", new[] { "acme-churn" })]
    [InlineData("customer=acme&vendor=fabrikam-ai", new[] { "fab-acme" })]
    [InlineData("state=retired", new string[0])]
    public async Task Filters_SelectSystems_AndTotalsCountTheSelection(string query, string[] expected)
    {
        var fleet = await _host.JsonAsync(HttpMethod.Get, $"/api/fleet?{query}", ApiTestHost.AdminKey);

        Assert.Equal(expected, Ids(fleet));
        Assert.Equal(expected.Length, fleet.GetProperty("totals").GetProperty("systems").GetInt32());
    }

    [Theory]
    [InlineData("owner=nobody", "owner")]
    [InlineData("owner=vendor&owner=customer", "owner")]
    [InlineData("state=sleeping", "state")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("cursor=%25%25%25", "cursor")]
    public async Task BadQuery_Is400NamingTheField(string query, string field) =>
        await AssertNamesAsync($"/api/fleet?{query}", field);

    [Fact]
    public async Task AnotherListsCursor_OrAPositionNoSystemCanHave_Is400NamingCursor()
    {
        await AssertNamesAsync($"/api/fleet?cursor={Cursor("systems", "acme-churn")}", "cursor");
        await AssertNamesAsync($"/api/fleet?cursor={Cursor("fleet", "Not An Id!")}", "cursor");
    }

    [Fact]
    public async Task OpenApi_DescribesTheRoute_ItsFilters_AndTheRowShape()
    {
        var document = await _host.JsonAsync(HttpMethod.Get, "/api/openapi.json", key: null);

        var get = document.GetProperty("paths").GetProperty("/api/fleet").GetProperty("get");
        var parameters = get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["vendor", "customer", "owner", "state", "limit", "cursor"], parameters);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("FleetList").GetProperty("properties").TryGetProperty("totals", out _));
        var row = schemas.GetProperty("FleetSystemResponse").GetProperty("properties");
        foreach (var member in new[] { "systemId", "name", "vendor", "customer", "owner", "monitoring", "ownership", "openAlerts", "oldestUnacknowledgedAt", "lastDrift", "silencedUntil", "continuity" })
        {
            Assert.True(row.TryGetProperty(member, out _), $"{member} missing from {row}");
        }
    }

    private static IEnumerable<string> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("systemId").GetString()!)];

    private async Task AssertNamesAsync(string path, string field)
    {
        using var response = await _host.SendAsync(HttpMethod.Get, path, ApiTestHost.AdminKey);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{path}: {text}");
    }

    private static string Cursor(string list, string position) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{list}:{position}"));
}
