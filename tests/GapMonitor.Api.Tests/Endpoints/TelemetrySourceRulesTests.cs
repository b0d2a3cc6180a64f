using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Testing;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// The service's own identity is never pointed at a host a tenant picks (API.md, "Rules that keep tenants apart"):
/// tenants give SAS URLs, identity-read containers and workspaces come from the admin's per-customer list.
/// </summary>
public sealed class TelemetrySourceRulesTests : IAsyncLifetime
{
    private const string AcmeContainer = "https://acmedata.blob.core.windows.net/azureml";
    private const string AcmeWorkspace = "6f0b2b4e-5d1c-4f7a-9a51-0c9f0a1b2c3d";
    private ApiTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiTestHost.StartAsync();

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task Register_AContainerWithoutSasThatNoAdminListed_Is400NamingTheField()
    {
        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");

        var problem = await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendor, Body("sys-1", "contoso-ml", "acme", InferenceLog("https://attacker.example/c")), 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("telemetry.inferenceLog.containerUri", out _));
        Assert.Equal(404, (int)(await _host.SendAsync(HttpMethod.Get, "/api/systems/sys-1", vendor)).StatusCode);
    }

    [Fact]
    public async Task Register_AWorkspaceNoAdminListed_Is400NamingTheField_EvenForTheAdmin()
    {
        var problem = await _host.JsonAsync(HttpMethod.Post, "/api/systems", ApiTestHost.AdminKey, Body("sys-2", "contoso-ml", "acme", Workspace(AcmeWorkspace)), 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("telemetry.logAnalytics.workspaceId", out _), problem.ToString());
    }

    [Fact]
    public async Task Register_TheSourcesOnACustomersList_IsAllowedForThatCustomerOnly()
    {
        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        await _host.JsonAsync(HttpMethod.Put, "/api/customers/acme/sources", ApiTestHost.AdminKey, new { containers = new[] { AcmeContainer }, workspaces = new[] { AcmeWorkspace } });

        await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendor, Body("acme-a", "contoso-ml", "acme", InferenceLog(AcmeContainer)), 201);
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendor, Body("acme-b", "contoso-ml", "acme", Workspace(AcmeWorkspace)), 201);
        var container = await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendor, Body("globex-a", "contoso-ml", "globex", InferenceLog(AcmeContainer)), 400);
        var workspace = await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendor, Body("globex-b", "contoso-ml", "globex", Workspace(AcmeWorkspace)), 400);

        Assert.True(container.GetProperty("errors").TryGetProperty("telemetry.inferenceLog.containerUri", out _));
        Assert.True(workspace.GetProperty("errors").TryGetProperty("telemetry.logAnalytics.workspaceId", out _));
    }

    [Fact]
    public async Task Register_WhenTheListNamesVendors_AnotherVendorClaimingTheSameCustomerIsRefused()
    {
        var evil = await _host.CreateKeyAsync("vendor", vendor: "evil-ml");
        await _host.JsonAsync(HttpMethod.Put, "/api/customers/acme/sources", ApiTestHost.AdminKey, new { containers = new[] { AcmeContainer }, vendors = new[] { "contoso-ml" } });

        await _host.JsonAsync(HttpMethod.Post, "/api/systems", evil, Body("evil-a", "evil-ml", "acme", InferenceLog(AcmeContainer)), 400);
    }

    [Fact]
    public async Task Register_CustomKqlFromAVendor_Is400_FromTheAdmin_IsAllowed()
    {
        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        await _host.JsonAsync(HttpMethod.Put, "/api/customers/acme/sources", ApiTestHost.AdminKey, new { workspaces = new[] { AcmeWorkspace } });
        var custom = new JsonObject
        {
            ["logAnalytics"] = new JsonObject
            {
                ["workspaceId"] = AcmeWorkspace,
                ["monitoringRunsQuery"] = "SigninLogs | project TimeGenerated, Status = 'ok', Message = UserPrincipalName",
            },
        };

        var problem = await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendor, Body("kql-v", "contoso-ml", "acme", custom.DeepClone()), 400);
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", ApiTestHost.AdminKey, Body("kql-a", "contoso-ml", "acme", custom.DeepClone()), 201);

        Assert.True(problem.GetProperty("errors").TryGetProperty("telemetry.logAnalytics.monitoringRunsQuery", out _));
    }

    [Fact]
    public async Task Register_ASasContainerOverPlainHttp_IsAllowedOnlyBecauseThisHostAllowsPrivateNetworks()
    {
        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");

        await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendor, Body("sas-a", "contoso-ml", "acme", InferenceLog("http://127.0.0.1:1/acct/c?sv=2024-08-04&sp=rl&sig=abc")), 201);
        var problem = await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendor, Body("sas-b", "contoso-ml", "acme", InferenceLog("ftp://files.example/c?sig=abc")), 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("telemetry.inferenceLog.containerUri", out _));
    }

    [Fact]
    public async Task Sweep_ReadsATenantsSasContainer_WithoutEverSendingItAnAuthorizationHeader()
    {
        await using var tenantHost = TestWebhookReceiver.Start(path: "/acct/container");
        tenantHost.Responder = (_, _) => Task.FromResult(new WebhookReply(HttpStatusCode.Forbidden));
        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var sasUrl = new Uri(tenantHost.Url, "?sv=2024-08-04&sr=c&sp=rl&sig=forged").AbsoluteUri;
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendor, Body("tenant-host", "contoso-ml", "acme", InferenceLog(sasUrl)), 201);

        await _host.SweepAsync();

        Assert.NotEmpty(tenantHost.Requests);
        Assert.All(tenantHost.Requests, r => Assert.Null(r.Header("Authorization")));
        var status = await _host.JsonAsync(HttpMethod.Get, "/api/systems/tenant-host/status", vendor);
        Assert.Contains("403", status.GetProperty("telemetry").GetProperty("lastPullError").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_WhenAListedContainerWasTakenOffTheList_NeverConnectsToIt()
    {
        await using var listedHost = TestWebhookReceiver.Start(path: "/acct/container");
        var container = listedHost.Url.AbsoluteUri;
        await _host.JsonAsync(HttpMethod.Put, "/api/customers/acme/sources", ApiTestHost.AdminKey, new { containers = new[] { container } });
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", ApiTestHost.AdminKey, Body("listed", "contoso-ml", "acme", InferenceLog(container)), 201);
        await _host.JsonAsync(HttpMethod.Put, "/api/customers/acme/sources", ApiTestHost.AdminKey, new { containers = Array.Empty<string>() });

        await _host.SweepAsync();

        Assert.Empty(listedHost.Requests);
        var status = await _host.JsonAsync(HttpMethod.Get, "/api/systems/listed/status", ApiTestHost.AdminKey);
        Assert.Contains("/api/customers/acme/sources", status.GetProperty("telemetry").GetProperty("lastPullError").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_AreKeptByTheAdmin_ReadByTheCustomer_AndHiddenFromEveryoneElse()
    {
        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var acme = await _host.CreateKeyAsync("customer", customer: "acme");
        var globex = await _host.CreateKeyAsync("customer", customer: "globex");
        var body = new { containers = new[] { AcmeContainer + "/" }, workspaces = new[] { AcmeWorkspace.ToUpperInvariant() } };

        Assert.Equal(HttpStatusCode.Forbidden, (await _host.SendAsync(HttpMethod.Put, "/api/customers/acme/sources", vendor, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _host.SendAsync(HttpMethod.Put, "/api/customers/acme/sources", acme, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.SendAsync(HttpMethod.Put, "/api/customers/acme/sources", null, body)).StatusCode);
        var stored = await _host.JsonAsync(HttpMethod.Put, "/api/customers/acme/sources", ApiTestHost.AdminKey, body);
        var seen = await _host.JsonAsync(HttpMethod.Get, "/api/customers/acme/sources", acme);

        Assert.Equal(AcmeContainer, stored.GetProperty("containers")[0].GetString());
        Assert.Equal(AcmeWorkspace, seen.GetProperty("workspaces")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _host.SendAsync(HttpMethod.Get, "/api/customers/acme/sources", globex)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _host.SendAsync(HttpMethod.Get, "/api/customers/acme/sources", vendor)).StatusCode);
    }

    [Theory]
    [InlineData("""{"containers":["https://acct.blob.core.windows.net/c?sv=1&sig=abc"]}""", "containers[0]")]
    [InlineData("""{"containers":["not a url"]}""", "containers[0]")]
    [InlineData("""{"containers":["https://acct.blob.core.windows.net/"]}""", "containers[0]")]
    [InlineData("""{"workspaces":["not-a-guid"]}""", "workspaces[0]")]
    [InlineData("""{"vendors":["Not Valid"]}""", "vendors[0]")]
    public async Task PutSources_WithABadEntry_Is400NamingIt(string body, string field)
    {
        var problem = await _host.JsonAsync(HttpMethod.Put, "/api/customers/acme/sources", ApiTestHost.AdminKey, body, 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private static JsonNode InferenceLog(string containerUri) =>
        new JsonObject { ["inferenceLog"] = new JsonObject { ["containerUri"] = containerUri, ["prefix"] = "dc/model_inputs" } };

    private static JsonNode Workspace(string workspaceId) =>
        new JsonObject { ["logAnalytics"] = new JsonObject { ["workspaceId"] = workspaceId } };

    private string Body(string id, string vendor, string customer, JsonNode telemetry)
    {
        var body = JsonNode.Parse(JsonSerializer.Serialize(
            SystemBodies.Registration(id, vendor, customer, _host.Time.GetUtcNow().AddDays(-30), heartbeatPeriod: "P1D"), new JsonSerializerOptions(JsonSerializerDefaults.Web)))!.AsObject();
        body["telemetry"] = telemetry;
        return body.ToJsonString();
    }
}
