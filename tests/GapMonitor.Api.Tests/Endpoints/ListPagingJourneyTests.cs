using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json;
using GapMonitor.Api.Tests.Hosting;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// Lists never stop silently (API.md v2, "Lists"): every list pages with <c>limit</c> and <c>cursor</c> and answers
/// <c>{items, next}</c>; following <c>next</c> until it is null shows every item once, in order, and never another
/// tenant's. Seven systems of two customers, each with one silent-monitoring alert opened by its own sweep.
/// </summary>
public sealed class ListPagingJourneyTests : IAsyncLifetime
{
    private const int Systems = 7;
    private ApiTestHost _host = null!;
    private string _acme = null!;
    private readonly List<(string SystemId, string Customer, DateTimeOffset OpenedAt)> _opened = [];

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        _acme = await _host.CreateKeyAsync("customer", customer: "acme");
        var handover = _host.Time.GetUtcNow().AddDays(-30);
        for (var i = 0; i < Systems; i++)
        {
            // Registered in this order, ids not: the systems list is in id order, the alerts list newest first.
            var id = $"sys-{(i * 3) % Systems}";
            var customer = i % 2 == 0 ? "acme" : "globex";
            await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendor, SystemBodies.Registration(id, "contoso-ml", customer, handover), 201);
            _host.Time.Advance(TimeSpan.FromMinutes(8));
            await _host.SweepAsync();
            _opened.Add((id, customer, _host.Time.GetUtcNow()));
        }
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task Alerts_FollowingNextWithLimit3_ShowsEveryAlertOnce_NewestFirst()
    {
        var pages = await WalkAsync("/api/alerts?limit=3", ApiTestHost.AdminKey);

        Assert.Equal([3, 3, 1], pages.Select(p => p.Count));
        var items = pages.SelectMany(p => p).ToList();
        Assert.Equal(_opened.Select(o => o.SystemId).Reverse(), items.Select(a => a.GetProperty("systemId").GetString()));
        Assert.Equal(Systems, items.Select(a => a.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal(_opened.Select(o => o.OpenedAt).Reverse(), items.Select(a => a.GetProperty("openedAt").GetDateTimeOffset()));
    }

    [Fact]
    public async Task Alerts_FromTo_SelectOpenedAtRange_FromInclusiveToExclusive_AcrossPages()
    {
        var from = Iso(_opened[2].OpenedAt);
        var to = Iso(_opened[5].OpenedAt);

        var pages = await WalkAsync($"/api/alerts?limit=2&from={from}&to={to}", ApiTestHost.AdminKey);

        Assert.Equal([2, 1], pages.Select(p => p.Count));
        Assert.Equal([_opened[4].SystemId, _opened[3].SystemId, _opened[2].SystemId], pages.SelectMany(p => p).Select(a => a.GetProperty("systemId").GetString()));
    }

    [Fact]
    public async Task Alerts_ExactlyLimitItems_EndWithNextNull()
    {
        var page = await _host.JsonAsync(HttpMethod.Get, $"/api/alerts?limit={Systems}", ApiTestHost.AdminKey);

        Assert.Equal(Systems, page.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task Systems_FollowingNextWithLimit2_ShowsEverySystemOnce_InIdOrder()
    {
        var pages = await WalkAsync("/api/systems?limit=2", ApiTestHost.AdminKey);

        Assert.Equal([2, 2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(Enumerable.Range(0, Systems).Select(i => $"sys-{i}"), pages.SelectMany(p => p).Select(s => s.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task CustomerKey_FollowingNext_NeverSeesAnotherTenant_EvenWithTheAdminsOrAMadeUpCursor()
    {
        var acmeSystems = _opened.Where(o => o.Customer == "acme").Select(o => o.SystemId).ToList();

        var alerts = (await WalkAsync("/api/alerts?limit=1", _acme)).SelectMany(p => p).Select(a => a.GetProperty("systemId").GetString()).ToList();
        var systems = (await WalkAsync("/api/systems?limit=1", _acme)).SelectMany(p => p).Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Equal(Enumerable.Reverse(acmeSystems), alerts);
        Assert.Equal(acmeSystems.Order(StringComparer.Ordinal), systems);

        // The admin's cursor is a position only: the customer's scope applies on the page it opens.
        var adminFirst = await _host.JsonAsync(HttpMethod.Get, "/api/alerts?limit=1", ApiTestHost.AdminKey);
        var fromAdminsCursor = await WalkAsync($"/api/alerts?limit=2&cursor={adminFirst.GetProperty("next").GetString()}", _acme);
        Assert.All(fromAdminsCursor.SelectMany(p => p), a => Assert.Contains(a.GetProperty("systemId").GetString(), acmeSystems));

        // A cursor made up to start before everything and a systems cursor positioned before globex's ids.
        var madeUp = Cursor("alerts", $"{DateTimeOffset.MaxValue.UtcTicks:D19}|zzz");
        Assert.Equal(Enumerable.Reverse(acmeSystems), (await WalkAsync($"/api/alerts?cursor={madeUp}", _acme)).SelectMany(p => p).Select(a => a.GetProperty("systemId").GetString()));
        var beforeAll = Cursor("systems", "a");
        Assert.Equal(acmeSystems.Order(StringComparer.Ordinal), (await WalkAsync($"/api/systems?cursor={beforeAll}", _acme)).SelectMany(p => p).Select(s => s.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Audit_FollowingNextWithLimit1_ShowsWhatOnePageShows_NewestFirst()
    {
        var system = _opened[0].SystemId;
        using var heartbeat = await _host.SendAsync(HttpMethod.Post, $"/api/systems/{system}/heartbeats", ApiTestHost.AdminKey, new { status = "ok" });
        await _host.SweepAsync();
        var whole = (await _host.JsonAsync(HttpMethod.Get, $"/api/systems/{system}/audit?limit=1000", ApiTestHost.AdminKey)).GetProperty("items").EnumerateArray().ToList();

        var pages = await WalkAsync($"/api/systems/{system}/audit?limit=1", ApiTestHost.AdminKey);

        Assert.True(whole.Count >= 3, $"{whole.Count} audit entries");
        Assert.All(pages, p => Assert.Single(p));
        Assert.Equal(whole.Select(e => e.GetProperty("id").GetString()), pages.SelectMany(p => p).Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(whole.Select(e => e.GetProperty("at").GetDateTimeOffset()).OrderDescending(), whole.Select(e => e.GetProperty("at").GetDateTimeOffset()));
    }

    [Fact]
    public async Task Metrics_FollowingNextWithLimit2_ShowsEveryPointOnce_NewestFirst()
    {
        var system = _opened[1].SystemId;
        var now = _host.Time.GetUtcNow();
        var metrics = Enumerable.Range(1, 5).Select(i => new { name = "accuracy", value = i / 10.0, at = now.AddMinutes(-i) }).ToArray();
        await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{system}/metrics", ApiTestHost.AdminKey, new { metrics }, 202);

        var pages = await WalkAsync($"/api/systems/{system}/metrics?limit=2", ApiTestHost.AdminKey);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal([0.1, 0.2, 0.3, 0.4, 0.5], pages.SelectMany(p => p).Select(m => m.GetProperty("value").GetDouble()));
    }

    [Fact]
    public async Task DriftWindows_WithNoneClosed_AnswerAnEmptyLastPage()
    {
        var page = await _host.JsonAsync(HttpMethod.Get, $"/api/systems/{_opened[0].SystemId}/drift?limit=5", ApiTestHost.AdminKey);

        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
    }

    public static TheoryData<string> ListRoutes => ["/api/systems", "/api/alerts", "/api/systems/sys-0/audit", "/api/systems/sys-0/drift", "/api/systems/sys-0/metrics", "/api/systems/sys-0/deliveries"];

    [Theory]
    [MemberData(nameof(ListRoutes))]
    public async Task EveryList_WithABadLimit_Returns400NamingLimit(string route)
    {
        foreach (var limit in new[] { "0", "1001", "abc", "-1", "1.5", "99999999999" })
        {
            await AssertNamesAsync($"{route}?limit={limit}", "limit");
        }

        await AssertNamesAsync($"{route}?limit=1&limit=2", "limit");
    }

    [Theory]
    [MemberData(nameof(ListRoutes))]
    public async Task EveryList_WithAGarbageCursor_Returns400NamingCursor(string route)
    {
        // Not base64url; base64url of nothing known; another list's cursor; a right list with a position no store made.
        var otherList = route == "/api/alerts" ? Cursor("systems", "sys-1") : Cursor("alerts", $"{DateTimeOffset.MaxValue.UtcTicks:D19}|x");
        var tampered = route.EndsWith("/audit", StringComparison.Ordinal) ? Cursor("systems/{id}/audit", "zzz")
            : route.EndsWith("/metrics", StringComparison.Ordinal) ? Cursor("systems/{id}/metrics", "audit-1")
            : route.EndsWith("/drift", StringComparison.Ordinal) ? Cursor("systems/{id}/drift", "abc")
            : route.EndsWith("/deliveries", StringComparison.Ordinal) ? Cursor("systems/{id}/deliveries", "audit-1")
            : route == "/api/alerts" ? Cursor("alerts", "12|x")
            : Cursor("systems", "a\u0001");
        foreach (var cursor in new[] { "%%%", "not*base64", Cursor("nothing", "x"), otherList, tampered })
        {
            await AssertNamesAsync($"{route}?cursor={cursor}", "cursor");
        }
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01T00:00:00Z", "to")]
    [InlineData("from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z", "to")]
    public async Task Alerts_WithABadTime_Returns400NamingIt(string query, string field) =>
        await AssertNamesAsync($"/api/alerts?{query}", field);

    [Fact]
    public async Task Alerts_ToBeforeAnyTableTime_IsAnEmptyLastPage()
    {
        var page = await _host.JsonAsync(HttpMethod.Get, "/api/alerts?to=0001-01-02T00:00:00Z", ApiTestHost.AdminKey);

        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task OpenApi_DescribesLimitCursorFromTo_AndThePageShape()
    {
        var document = await _host.JsonAsync(HttpMethod.Get, "/api/openapi.json", key: null);
        var schemas = document.GetProperty("components").GetProperty("schemas");

        foreach (var (path, schema) in new[] { ("/api/systems", "SystemList"), ("/api/alerts", "AlertList"), ("/api/systems/{id}/audit", "AuditList"), ("/api/systems/{id}/drift", "DriftWindowList"), ("/api/systems/{id}/metrics", "MetricList") })
        {
            var get = document.GetProperty("paths").GetProperty(path).GetProperty("get");
            var parameters = get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
            Assert.Contains("limit", parameters);
            Assert.Contains("cursor", parameters);
            var properties = schemas.GetProperty(schema).GetProperty("properties");
            Assert.True(properties.TryGetProperty("items", out _) && properties.TryGetProperty("next", out _), $"{schema}: {properties}");
        }

        var alertParameters = document.GetProperty("paths").GetProperty("/api/alerts").GetProperty("get").GetProperty("parameters").EnumerateArray().ToList();
        Assert.Contains(alertParameters, p => p.GetProperty("name").GetString() == "from" && p.GetProperty("schema").GetProperty("format").GetString() == "date-time");
        Assert.Contains(alertParameters, p => p.GetProperty("name").GetString() == "to");
        var limit = alertParameters.Single(p => p.GetProperty("name").GetString() == "limit").GetProperty("schema");
        Assert.Equal(1000, limit.GetProperty("maximum").GetInt32());
    }

    private async Task AssertNamesAsync(string path, string field)
    {
        using var response = await _host.SendAsync(HttpMethod.Get, path, ApiTestHost.AdminKey);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{path}: {text}");
    }

    /// <summary>Every page from <paramref name="path"/> on, following <c>next</c> until it is null (at most 50 pages).</summary>
    private async Task<List<List<JsonElement>>> WalkAsync(string path, string key)
    {
        var pages = new List<List<JsonElement>>();
        var url = path;
        for (var i = 0; i < 50; i++)
        {
            var page = await _host.JsonAsync(HttpMethod.Get, url, key);
            Assert.True(page.TryGetProperty("next", out var next), $"{url}: no next member: {page}");
            pages.Add([.. page.GetProperty("items").EnumerateArray()]);
            if (next.ValueKind == JsonValueKind.Null)
            {
                return pages;
            }

            var withoutCursor = path.Contains("cursor=", StringComparison.Ordinal) ? path[..path.IndexOf("cursor=", StringComparison.Ordinal)].TrimEnd('&', '?') : path;
            url = $"{withoutCursor}{(withoutCursor.Contains('?', StringComparison.Ordinal) ? "&" : "?")}cursor={Uri.EscapeDataString(next.GetString()!)}";
        }

        Assert.Fail($"{path}: still a next after 50 pages");
        return pages;
    }

    /// <summary>A cursor as a client could make one: base64url of the list and a position.</summary>
    private static string Cursor(string list, string position) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{list}:{position}"));

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
