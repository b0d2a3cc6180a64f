using System.Net;
using GapMonitor.Api.Tests.Hosting;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// Every route tried with no key, another tenant's key, an ingest key and the owner's key
/// (owner / member / outsider fixtures): outside the caller's scope a resource does not exist.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private ApiTestHost _host = null!;
    private string _vendor = null!;
    private string _customer = null!;
    private string _otherVendor = null!;
    private string _otherCustomer = null!;
    private string _ingest = null!;
    private string _otherIngest = null!;
    private string _alertId = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        _customer = await _host.CreateKeyAsync("customer", customer: "acme");
        _otherVendor = await _host.CreateKeyAsync("vendor", vendor: "fabrikam-ai");
        _otherCustomer = await _host.CreateKeyAsync("customer", customer: "globex");
        var handover = _host.Time.GetUtcNow().AddDays(-30);
        _ingest = (await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendor, SystemBodies.Registration("acme-churn", "contoso-ml", "acme", handover), 201))
            .GetProperty("ingestKey").GetString()!;
        _otherIngest = (await _host.JsonAsync(HttpMethod.Post, "/api/systems", _otherVendor, SystemBodies.Registration("globex-vision", "fabrikam-ai", "globex", handover), 201))
            .GetProperty("ingestKey").GetString()!;
        _host.Time.Advance(TimeSpan.FromMinutes(10));
        await _host.SweepAsync();
        _alertId = (await _host.JsonAsync(HttpMethod.Get, "/api/alerts?systemId=acme-churn", _customer)).GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    public static TheoryData<string, string> ScopedRoutes => new()
    {
        { "GET", "/api/systems/acme-churn" },
        { "PUT", "/api/systems/acme-churn" },
        { "DELETE", "/api/systems/acme-churn" },
        { "GET", "/api/systems/acme-churn/status" },
        { "GET", "/api/systems/acme-churn/audit" },
        { "POST", "/api/systems/acme-churn/contacts/test" },
        { "GET", "/api/systems/acme-churn/deliveries" },
        { "POST", "/api/systems/acme-churn/heartbeats" },
        { "POST", "/api/systems/acme-churn/deployments" },
        { "GET", "/api/alerts/{alert}" },
        { "POST", "/api/alerts/{alert}/acknowledge" },
    };

    public static TheoryData<string, string> AllProtectedRoutes
    {
        get
        {
            var data = new TheoryData<string, string>
            {
                { "POST", "/api/keys" },
                { "DELETE", "/api/keys/abc" },
                { "POST", "/api/systems" },
                { "GET", "/api/systems" },
                { "GET", "/api/alerts" },
                { "POST", "/api/sweep" },
            };
            foreach (var row in ScopedRoutes)
            {
                data.Add((string)row[0], (string)row[1]);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(AllProtectedRoutes))]
    public async Task Route_WhenNoKey_Returns401Problem(string method, string path)
    {
        using var response = await _host.SendAsync(new HttpMethod(method), Expand(path), key: null, body: "{}");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(AllProtectedRoutes))]
    public async Task Route_WhenKeyIsUnknownOrRevoked_Returns401(string method, string path)
    {
        using var unknown = await _host.SendAsync(new HttpMethod(method), Expand(path), "gm_0000000000000000_" + new string('0', 64), "{}");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ScopedRoutes))]
    public async Task ScopedRoute_WithAnotherTenantsKey_Returns404(string method, string path)
    {
        foreach (var key in new[] { _otherVendor, _otherCustomer })
        {
            using var response = await _host.SendAsync(new HttpMethod(method), Expand(path), key, Body(path));
            var status = response.StatusCode;
            // A vendor/customer may not call some routes at all (403) — but never sees the other tenant's resource.
            Assert.True(status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{method} {path} with another tenant's key: {(int)status}");
            if (status == HttpStatusCode.Forbidden)
            {
                Assert.Equal(_otherCustomer, key);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ScopedRoutes))]
    public async Task ScopedRoute_WithAnotherSystemsIngestKey_IsRefused(string method, string path)
    {
        using var response = await _host.SendAsync(new HttpMethod(method), Expand(path), _otherIngest, Body(path));
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{method} {path}: {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("GET", "/api/systems")]
    [InlineData("GET", "/api/systems/acme-churn")]
    [InlineData("GET", "/api/alerts")]
    [InlineData("POST", "/api/systems")]
    [InlineData("POST", "/api/sweep")]
    [InlineData("POST", "/api/keys")]
    [InlineData("POST", "/api/alerts/{alert}/acknowledge")]
    public async Task NonSignalRoute_WithIngestKey_Returns403(string method, string path)
    {
        using var response = await _host.SendAsync(new HttpMethod(method), Expand(path), _ingest, "{}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task SignalRoutes_WithOwnIngestKey_Accepted()
    {
        await _host.JsonAsync(HttpMethod.Post, "/api/systems/acme-churn/heartbeats", _ingest, new { status = "ok", message = "nightly run" }, 202);
        await _host.JsonAsync(HttpMethod.Post, "/api/systems/acme-churn/deployments", _ingest, new { modelVersion = "1.5.0", environment = "prod" }, 202);
        var status = await _host.JsonAsync(HttpMethod.Get, "/api/systems/acme-churn/status", _customer);
        Assert.Equal("up", status.GetProperty("heartbeat").GetProperty("state").GetString());
        Assert.Equal("1.5.0", status.GetProperty("lastDeployment").GetProperty("modelVersion").GetString());
    }

    [Theory]
    [MemberData(nameof(ScopedRoutes))]
    public async Task ScopedRoute_WithOwnersKey_Succeeds(string method, string path)
    {
        var key = method is "PUT" or "DELETE" ? _vendor : _customer;
        using var response = await _host.SendAsync(new HttpMethod(method), Expand(path), key, Body(path), r => r.Headers.TryAddWithoutValidation("If-Match", "*"));
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task ListSystems_ShowsOnlyTheCallersTenant()
    {
        var mine = await _host.JsonAsync(HttpMethod.Get, "/api/systems", _customer);
        Assert.Equal(["acme-churn"], mine.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()!));
        var theirs = await _host.JsonAsync(HttpMethod.Get, "/api/systems", _otherVendor);
        Assert.Equal(["globex-vision"], theirs.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()!));
        var all = await _host.JsonAsync(HttpMethod.Get, "/api/systems", ApiTestHost.AdminKey);
        Assert.Equal(2, all.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task RegisterSystem_ForAnotherVendor_Returns400NamingVendor()
    {
        var problem = await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendor,
            SystemBodies.Registration("sneaky-one", "fabrikam-ai", "globex", _host.Time.GetUtcNow()), 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("vendor", out _));
    }

    [Fact]
    public async Task RevokedKey_IsRejected()
    {
        var created = await _host.JsonAsync(HttpMethod.Post, "/api/keys", ApiTestHost.AdminKey, new { role = "customer", customer = "acme" }, 201);
        var key = created.GetProperty("key").GetString()!;
        await _host.JsonAsync(HttpMethod.Get, "/api/systems", key);
        await _host.JsonAsync(HttpMethod.Delete, $"/api/keys/{created.GetProperty("id").GetString()}", ApiTestHost.AdminKey, expectedStatus: 204);
        await _host.JsonAsync(HttpMethod.Get, "/api/systems", key, expectedStatus: 401);
    }

    [Fact]
    public async Task ApiKeyHeader_IsAcceptedLikeBearer()
    {
        using var response = await _host.SendAsync(HttpMethod.Get, "/api/systems", key: null, configure: r => r.Headers.Add("x-api-key", _customer));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private string Expand(string path) => path.Replace("{alert}", _alertId, StringComparison.Ordinal);

    private static object Body(string path) => path switch
    {
        _ when path.EndsWith("/heartbeats", StringComparison.Ordinal) => new { status = "ok" },
        _ when path.EndsWith("/deployments", StringComparison.Ordinal) => new { modelVersion = "2.0.0" },
        _ when path.EndsWith("/acknowledge", StringComparison.Ordinal) => new { note = "seen" },
        "/api/systems/acme-churn" => SystemBodies.Registration("acme-churn", "contoso-ml", "acme", new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero)),
        _ => new { },
    };
}
