using System.Net;
using System.Text.RegularExpressions;
using GapMonitor.Api.Tests.Hosting;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// System ids are global. A taken id gets one answer whoever holds it: the same 409 for the caller's own system and
/// another tenant's, naming no owner and nothing of that system; nothing is written.
/// </summary>
public sealed class TakenIdTests : IAsyncLifetime
{
    private ApiTestHost _host = null!;
    private string _contoso = null!;
    private string _fabrikam = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _contoso = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        _fabrikam = await _host.CreateKeyAsync("vendor", vendor: "fabrikam-ai");
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", _contoso, SystemBodies.Registration("acme-churn", "contoso-ml", "acme", _host.Time.GetUtcNow()), 201);
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", _fabrikam, SystemBodies.Registration("globex-vision", "fabrikam-ai", "globex", _host.Time.GetUtcNow()), 201);
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Theory]
    [InlineData(null)]
    [InlineData("retry-1")]
    public async Task TakenId_GetsTheSameAnswer_WhetherTheCallerOrAnotherTenantHoldsIt(string? idempotencyKey)
    {
        var own = await RegisterAsync(_fabrikam, "globex-vision", "fabrikam-ai", "globex", idempotencyKey);
        var others = await RegisterAsync(_fabrikam, "acme-churn", "fabrikam-ai", "globex", idempotencyKey);

        Assert.Equal(HttpStatusCode.Conflict, own.Status);
        Assert.Equal((own.Status, own.ContentType, own.Body.Replace("globex-vision", "{id}", StringComparison.Ordinal)),
            (others.Status, others.ContentType, others.Body.Replace("acme-churn", "{id}", StringComparison.Ordinal)));
        foreach (var revealing in new[] { "contoso", "acme\"", "Model acme-churn", "exists" })
        {
            Assert.DoesNotContain(revealing, others.Body, StringComparison.Ordinal);
        }

        var stored = await _host.JsonAsync(HttpMethod.Get, "/api/systems/acme-churn", ApiTestHost.AdminKey);
        Assert.Equal("contoso-ml", stored.GetProperty("vendor").GetString());
        await _host.JsonAsync(HttpMethod.Get, "/api/systems/acme-churn", _fabrikam, expectedStatus: 404);
    }

    private async Task<(HttpStatusCode Status, string? ContentType, string Body)> RegisterAsync(string key, string id, string vendor, string customer, string? idempotencyKey)
    {
        using var response = await _host.SendAsync(HttpMethod.Post, "/api/systems", key, SystemBodies.Registration(id, vendor, customer, _host.Time.GetUtcNow()), r =>
        {
            if (idempotencyKey is not null)
            {
                r.Headers.Add("Idempotency-Key", idempotencyKey + id);
            }
        });
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, WithoutTraceId(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Every request has its own trace id; the rest of the answer must not tell the two cases apart.</summary>
    private static string WithoutTraceId(string body) =>
        Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "\"traceId\":\"…\"");
}
