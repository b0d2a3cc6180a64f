using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Testing;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// Webhook URLs often carry tokens: the party owning a contact and admin see the URL, the other party only its host.
/// Signing secrets are shown to nobody.
/// </summary>
public sealed class WebhookVisibilityTests : IAsyncLifetime
{
    private const string CustomerToken = "cust-token-3f9a";
    private const string VendorToken = "vend-token-7c21";
    private ApiTestHost _host = null!;
    private TestWebhookReceiver _customerHook = null!;
    private TestWebhookReceiver _vendorHook = null!;
    private string _vendor = null!;
    private string _customer = null!;
    private string _created = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _customerHook = TestWebhookReceiver.Start(timeProvider: _host.Time, path: "/customer");
        _vendorHook = TestWebhookReceiver.Start(timeProvider: _host.Time, path: "/vendor");
        _vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        _customer = await _host.CreateKeyAsync("customer", customer: "acme");
        var body = SystemBodies.Registration("hook-sys", "contoso-ml", "acme", _host.Time.GetUtcNow().AddDays(-20),
            new Uri(_customerHook.Url, "?token=" + CustomerToken), _customerHook.Secret, new Uri(_vendorHook.Url, "?token=" + VendorToken), _vendorHook.Secret);
        using var created = await _host.SendAsync(HttpMethod.Post, "/api/systems", _vendor, body);
        _created = await created.Content.ReadAsStringAsync();
        _host.Time.Advance(TimeSpan.FromMinutes(10));
        await _host.SweepAsync();
    }

    public async Task DisposeAsync()
    {
        await _customerHook.DisposeAsync();
        await _vendorHook.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Vendor_SeesOwnWebhookUrl_AndOnlyTheHostOfTheCustomers()
    {
        var views = await ViewsAsync(_vendor);
        Assert.All(views.Append(_created), v => Assert.DoesNotContain(CustomerToken, v, StringComparison.Ordinal));
        Assert.Contains(VendorToken, views[0], StringComparison.Ordinal);
        Assert.Contains("\"host\":\"127.0.0.1\"", views[0], StringComparison.Ordinal);
        Assert.Contains(VendorToken, _created, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customer_SeesOwnWebhookUrl_AndOnlyTheHostOfTheVendors()
    {
        var views = await ViewsAsync(_customer);
        Assert.All(views, v => Assert.DoesNotContain(VendorToken, v, StringComparison.Ordinal));
        Assert.Contains(CustomerToken, views[0], StringComparison.Ordinal);
        Assert.Contains(CustomerToken, views[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_SeesBothUrls()
    {
        var views = await ViewsAsync(ApiTestHost.AdminKey);
        Assert.Contains(CustomerToken, views[0], StringComparison.Ordinal);
        Assert.Contains(VendorToken, views[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task NobodyEverSeesASigningSecret()
    {
        foreach (var key in new[] { ApiTestHost.AdminKey, _vendor, _customer })
        {
            Assert.All((await ViewsAsync(key)).Append(_created), v =>
            {
                Assert.DoesNotContain("whsec_", v, StringComparison.Ordinal);
                Assert.DoesNotContain(_customerHook.Secret["whsec_".Length..], v, StringComparison.Ordinal);
                Assert.DoesNotContain(_vendorHook.Secret["whsec_".Length..], v, StringComparison.Ordinal);
            });
        }
    }

    /// <summary>Every response that can show a contact or a notification target: system, list, status, audit, alerts (the last one with notifications).</summary>
    private async Task<List<string>> ViewsAsync(string key)
    {
        var views = new List<string>();
        foreach (var path in new[] { "/api/systems/hook-sys", "/api/systems", "/api/systems/hook-sys/status", "/api/systems/hook-sys/audit", "/api/alerts?systemId=hook-sys" })
        {
            using var response = await _host.SendAsync(HttpMethod.Get, path, key);
            views.Add(await response.Content.ReadAsStringAsync());
        }

        var alertId = (await _host.JsonAsync(HttpMethod.Get, "/api/alerts?systemId=hook-sys", key)).GetProperty("items")[0].GetProperty("id").GetString();
        using var alert = await _host.SendAsync(HttpMethod.Get, $"/api/alerts/{alertId}", key);
        var alertText = await alert.Content.ReadAsStringAsync();
        Assert.Contains("\"notifications\"", alertText, StringComparison.Ordinal);
        views.Add(alertText);
        return views;
    }
}
