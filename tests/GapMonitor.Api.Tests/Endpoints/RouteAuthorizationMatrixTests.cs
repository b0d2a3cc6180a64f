using System.Text;
using GapMonitor.Api.Tests.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// Every route the host serves, tried by every kind of caller: admin, the owning vendor, customer and ingest key,
/// another tenant's vendor, customer and ingest key, a revoked key, an unknown key, a malformed key and no key.
/// The route list comes from the running host, so a route added later fails <see cref="EveryServedRoute_HasARuleHere"/>
/// until its rule is written here.
/// </summary>
public sealed class RouteAuthorizationMatrixTests : IAsyncLifetime
{
    private const string OwnSystem = "acme-churn";
    private ApiTestHost _host = null!;
    private readonly Dictionary<Caller, string?> _keys = [];
    private string _alertId = null!;
    private string _spareKeyId = null!;
    private string _silenceId = null!;
    private int _created;

    public enum Scope
    {
        None,
        System,
        Alert,
        Customer,
        Key,
        Silence,
    }

    public enum Caller
    {
        Admin,
        OwnVendor,
        OwnCustomer,
        OwnIngest,
        OtherVendor,
        OtherCustomer,
        OtherIngest,
        RevokedKey,
        UnknownKey,
        MalformedKey,
        NoKey,
    }

    private const string A = "admin", V = "vendor", C = "customer", I = "ingest";

    /// <summary>Method, template (below /api), the roles allowed, and what the route is scoped by.</summary>
    private static readonly (string Method, string Template, string[] Roles, Scope Scope)[] Rules =
    [
        ("GET", "health", [], Scope.None),
        ("GET", "openapi.json", [], Scope.None),
        ("POST", "keys", [A, V], Scope.None),
        ("GET", "keys", [A], Scope.None),
        ("DELETE", "keys/{id}", [A, V], Scope.Key),
        ("POST", "systems", [A, V], Scope.None),
        ("GET", "systems", [A, V, C], Scope.None),
        ("GET", "systems/{id}", [A, V, C], Scope.System),
        ("PUT", "systems/{id}", [A, V], Scope.System),
        ("PATCH", "systems/{id}", [A, V, C], Scope.System),
        ("POST", "systems/{id}/ingest-key", [A, V, C], Scope.System),
        ("DELETE", "systems/{id}", [A, V], Scope.System),
        ("GET", "systems/{id}/status", [A, V, C], Scope.System),
        ("GET", "systems/{id}/audit", [A, V, C], Scope.System),
        ("POST", "systems/{id}/ownership", [A, C], Scope.System),
        ("GET", "systems/{id}/ownership", [A, V, C], Scope.System),
        ("POST", "systems/{id}/heartbeats", [A, V, C, I], Scope.System),
        ("POST", "systems/{id}/deployments", [A, V, C, I], Scope.System),
        ("PUT", "systems/{id}/reference", [A, V, C], Scope.System),
        ("POST", "systems/{id}/telemetry", [A, V, C, I], Scope.System),
        ("GET", "systems/{id}/drift", [A, V, C], Scope.System),
        ("POST", "systems/{id}/metrics", [A, V, C, I], Scope.System),
        ("GET", "systems/{id}/metrics", [A, V, C], Scope.System),
        ("POST", "systems/{id}/labels", [A, V, C, I], Scope.System),
        ("GET", "alerts", [A, V, C], Scope.None),
        ("GET", "alerts/{id}", [A, V, C], Scope.Alert),
        ("POST", "alerts/{id}/acknowledge", [A, V, C], Scope.Alert),
        ("POST", "silences", [A, V, C], Scope.System),
        ("GET", "silences", [A, V, C], Scope.None),
        ("GET", "silences/{id}", [A, V, C], Scope.Silence),
        ("DELETE", "silences/{id}", [A, V, C], Scope.Silence),
        ("POST", "sweep", [A], Scope.None),
        ("GET", "fleet", [A, V, C], Scope.None),
        ("GET", "fleet/scorecard", [A, V, C], Scope.None),
        ("GET", "systems/{id}/scorecard", [A, V, C], Scope.System),
        ("PUT", "customers/{customer}/sources", [A], Scope.Customer),
        ("GET", "customers/{customer}/sources", [A, C], Scope.Customer),
        ("POST", "systems/{id}/contacts/test", [A, V, C], Scope.System),
        ("GET", "systems/{id}/deliveries", [A, V, C], Scope.System),
    ];

    public static TheoryData<string, string> Routes()
    {
        var data = new TheoryData<string, string>();
        foreach (var rule in Rules)
        {
            data.Add(rule.Method, rule.Template);
        }

        return data;
    }

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _keys[Caller.Admin] = ApiTestHost.AdminKey;
        _keys[Caller.OwnVendor] = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        _keys[Caller.OwnCustomer] = await _host.CreateKeyAsync("customer", customer: "acme");
        _keys[Caller.OtherVendor] = await _host.CreateKeyAsync("vendor", vendor: "fabrikam-ai");
        _keys[Caller.OtherCustomer] = await _host.CreateKeyAsync("customer", customer: "globex");
        var handover = _host.Time.GetUtcNow().AddDays(-30);
        _keys[Caller.OwnIngest] = (await _host.JsonAsync(HttpMethod.Post, "/api/systems", _keys[Caller.OwnVendor], SystemBodies.Registration(OwnSystem, "contoso-ml", "acme", handover), 201))
            .GetProperty("ingestKey").GetString();
        _keys[Caller.OtherIngest] = (await _host.JsonAsync(HttpMethod.Post, "/api/systems", _keys[Caller.OtherVendor], SystemBodies.Registration("globex-vision", "fabrikam-ai", "globex", handover), 201))
            .GetProperty("ingestKey").GetString();
        var revoked = await _host.JsonAsync(HttpMethod.Post, "/api/keys", ApiTestHost.AdminKey, new { role = "vendor", vendor = "contoso-ml" }, 201);
        await _host.JsonAsync(HttpMethod.Delete, $"/api/keys/{revoked.GetProperty("id").GetString()}", ApiTestHost.AdminKey, expectedStatus: 204);
        _keys[Caller.RevokedKey] = revoked.GetProperty("key").GetString();
        _keys[Caller.UnknownKey] = "gm_0000000000000000_" + new string('0', 64);
        _keys[Caller.MalformedKey] = "gm_a/b#c?d_" + new string('f', 64);
        _keys[Caller.NoKey] = null;
        _spareKeyId = (await _host.JsonAsync(HttpMethod.Post, "/api/keys", ApiTestHost.AdminKey, new { role = "customer", customer = "acme", vendor = "contoso-ml" }, 201)).GetProperty("id").GetString()!;
        _host.Time.Advance(TimeSpan.FromMinutes(10));
        await _host.SweepAsync();
        _alertId = (await _host.JsonAsync(HttpMethod.Get, $"/api/alerts?systemId={OwnSystem}", ApiTestHost.AdminKey)).GetProperty("items")[0].GetProperty("id").GetString()!;
        _silenceId = (await _host.JsonAsync(HttpMethod.Post, "/api/silences", ApiTestHost.AdminKey, new { systemId = OwnSystem, kinds = new[] { "drift-detected" }, endsAt = _host.Time.GetUtcNow().AddDays(1), reason = "Retraining" }, 201))
            .GetProperty("id").GetString()!;
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public void EveryServedRoute_HasARuleHere()
    {
        var served = _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText!.TrimStart('/')}"))
            .Where(r => r.Contains(" api/", StringComparison.Ordinal))
            .Select(r => r.Replace(" api/", " ", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        var ruled = Rules.Select(r => $"{r.Method} {r.Template}").ToHashSet(StringComparer.Ordinal);

        Assert.Empty(served.Except(ruled));
        Assert.Empty(ruled.Except(served));
    }

    /// <summary>Refused callers first (they must change nothing), then the allowed ones; the first allowed caller must succeed.</summary>
    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_AnswersEachCallerAsItsRuleSays(string method, string template)
    {
        var rule = Rules.Single(r => r.Method == method && r.Template == template);
        var expectations = Enum.GetValues<Caller>().Select(c => (Caller: c, Expected: Expected(rule.Roles, rule.Scope, c))).OrderBy(e => e.Expected == Outcome.Allowed).ToList();
        var failures = new List<string>();
        var firstAllowed = true;
        foreach (var (caller, expected) in expectations)
        {
            using var response = await SendAsync(method, template, caller);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            var ok = expected switch
            {
                Outcome.Unauthorized => status == 401,
                Outcome.Forbidden => status == 403,
                Outcome.NotFound => status == 404,
                _ when firstAllowed => status is >= 200 and < 300,
                _ => status is not (401 or 403 or 404) && status < 500,
            };
            if (!ok)
            {
                failures.Add($"{caller}: expected {expected}, got {status} {body}");
            }

            if (expected != Outcome.Unauthorized && expected != Outcome.Allowed && status is 403 or 404)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }

            firstAllowed &= expected != Outcome.Allowed;
        }

        Assert.True(failures.Count == 0, $"{method} /api/{template}:\n" + string.Join("\n", failures));
    }

    private enum Outcome
    {
        Allowed,
        Unauthorized,
        Forbidden,
        NotFound,
    }

    private static Outcome Expected(string[] roles, Scope scope, Caller caller)
    {
        if (roles.Length == 0)
        {
            return Outcome.Allowed;
        }

        var role = caller switch
        {
            Caller.Admin => A,
            Caller.OwnVendor or Caller.OtherVendor => V,
            Caller.OwnCustomer or Caller.OtherCustomer => C,
            Caller.OwnIngest or Caller.OtherIngest => I,
            _ => null,
        };
        if (role is null)
        {
            return Outcome.Unauthorized;
        }

        if (!roles.Contains(role))
        {
            return Outcome.Forbidden;
        }

        var outsider = caller is Caller.OtherVendor or Caller.OtherCustomer or Caller.OtherIngest;
        return scope != Scope.None && outsider ? Outcome.NotFound : Outcome.Allowed;
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string template, Caller caller)
    {
        var path = "/api/" + template
            .Replace("systems/{id}", $"systems/{OwnSystem}", StringComparison.Ordinal)
            .Replace("alerts/{id}", $"alerts/{_alertId}", StringComparison.Ordinal)
            .Replace("keys/{id}", $"keys/{_spareKeyId}", StringComparison.Ordinal)
            .Replace("silences/{id}", $"silences/{_silenceId}", StringComparison.Ordinal)
            .Replace("{customer}", "acme", StringComparison.Ordinal);
        if (template == "systems/{id}/labels")
        {
            path += $"?batchId=labels-{++_created}";
            await DeclarePerformanceAsync();
        }

        string? etag = null;
        if (method is "PUT" or "PATCH" && template == "systems/{id}")
        {
            using var current = await _host.SendAsync(HttpMethod.Get, path, ApiTestHost.AdminKey);
            etag = current.Headers.ETag?.ToString();
        }

        var key = _keys[caller];
        return await _host.SendAsync(new HttpMethod(method), path, key, configure: request =>
        {
            request.Content = Body(method, template, caller);
            if (etag is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", etag);
            }
        });
    }

    private StringContent? Body(string method, string template, Caller caller)
    {
        var vendor = caller == Caller.OtherVendor ? "fabrikam-ai" : "contoso-ml";
        var customer = caller == Caller.OtherVendor ? "globex" : "acme";
        var registration = (string id) => System.Text.Json.JsonSerializer.Serialize(
            SystemBodies.Registration(id, vendor, customer, new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero)),
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
        return (method, template) switch
        {
            ("POST", "keys") => Json("""{"role":"customer","customer":"acme"}"""),
            ("POST", "systems") => Json(registration($"new-system-{++_created}")),
            // An empty merge patch: which fields each role may change is SystemPatchJourneyTests' concern, not the route's.
            ("PATCH", "systems/{id}") => new StringContent("{}", Encoding.UTF8, "application/merge-patch+json"),
            ("PUT", "systems/{id}") => Json(System.Text.Json.JsonSerializer.Serialize(
                SystemBodies.Registration(OwnSystem, "contoso-ml", "acme", new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero)),
                new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))),
            ("POST", "systems/{id}/heartbeats") => Json("""{"status":"ok"}"""),
            ("POST", "systems/{id}/deployments") => Json("""{"modelVersion":"2.0.0"}"""),
            ("PUT", "systems/{id}/reference") => new StringContent("plan,score\nbasic,1\npro,2\nbasic,3\n", Encoding.UTF8, "text/csv"),
            ("POST", "systems/{id}/telemetry") => Json("""[{"plan":"basic","score":2}]"""),
            ("POST", "systems/{id}/labels") => Json("""[{"correlationId":"r1","target":1}]"""),
            ("POST", "systems/{id}/metrics") => Json($$"""{"batchId":"b-{{++_created}}","metrics":[{"name":"accuracy","value":0.9}]}"""),
            ("POST", "alerts/{id}/acknowledge") => Json("""{"note":"seen"}"""),
            ("PUT", "customers/{customer}/sources") => Json("""{"containers":[],"workspaces":[]}"""),
            ("POST", "silences") => Json(System.Text.Json.JsonSerializer.Serialize(
                new { systemId = OwnSystem, kinds = new[] { "drift-detected" }, endsAt = _host.Time.GetUtcNow().AddHours(1), reason = "Planned work" },
                new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))),
            _ when method is "POST" or "PUT" => Json("{}"),
            _ => null,
        };
    }

    /// <summary>Labels need the system's model outputs declared (else 409).</summary>
    private async Task DeclarePerformanceAsync()
    {
        using var current = await _host.SendAsync(HttpMethod.Get, $"/api/systems/{OwnSystem}", ApiTestHost.AdminKey);
        using var patched = await _host.SendAsync(HttpMethod.Patch, $"/api/systems/{OwnSystem}", ApiTestHost.AdminKey, configure: request =>
        {
            request.Content = new StringContent("""{"performance":{"task":"binary-classification","prediction":"churn_pred","target":"churned"}}""", Encoding.UTF8, "application/merge-patch+json");
            request.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag?.ToString());
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, patched.StatusCode);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
