using System.Net;
using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Testing;

namespace GapMonitor.Api.Tests.Console;

/// <summary>
/// A delivery error can quote a URL (a webhook answering with a redirect names where to): a customer reading the
/// alert, in the API or the console, never sees the vendor's webhook URL or its query token; the vendor does.
/// </summary>
public sealed class DeliveryErrorJourneyTests : IAsyncLifetime
{
    private const string Id = "acme-errors";
    private const string PathSecret = "vendor-hook-s3cr3t";
    private const string QueryToken = "t0k3n-q9";
    private ApiTestHost _host = null!;
    private TestWebhookReceiver _vendorHook = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _vendorHook = TestWebhookReceiver.Start(timeProvider: _host.Time, path: "/" + PathSecret);
        _vendorHook.Responder = (_, _) => Task.FromResult(new WebhookReply(
            HttpStatusCode.TemporaryRedirect,
            new Dictionary<string, string> { ["Location"] = _vendorHook.Url.AbsoluteUri + "?token=" + QueryToken }));
    }

    public async Task DisposeAsync()
    {
        await _vendorHook.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task ACustomer_NeverSeesTheVendorsWebhookUrlInADeliveryError_InTheApiOrTheConsole()
    {
        var vendorKey = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var customerKey = await _host.CreateKeyAsync("customer", customer: "acme");
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendorKey, new
        {
            id = Id,
            name = "Churn model for ACME",
            vendor = "contoso-ml",
            customer = "acme",
            handoverAt = _host.Time.GetUtcNow().AddDays(-20),
            vendorGracePeriod = "P14D",
            monitoring = new { heartbeatPeriod = "PT5M", heartbeatGrace = "PT2M" },
            acknowledgeWithin = "PT4H",
            contacts = new object[]
            {
                new { party = "customer", email = "mlops@acme.example" },
                new { party = "vendor", webhook = new { url = _vendorHook.Url.AbsoluteUri, secret = _vendorHook.Secret } },
            },
        }, 201);
        _host.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(7));
        await _host.SweepAsync();

        // Not acknowledged within PT4H: escalated to the vendor, whose webhook answers with a redirect.
        _host.Time.Advance(TimeSpan.FromHours(5));
        await _host.SweepAsync();
        await _host.SweepAsync();
        var listed = await _host.JsonAsync(HttpMethod.Get, $"/api/alerts?systemId={Id}", vendorKey);
        var told = listed.GetProperty("items").EnumerateArray()
            .Where(a => a.GetProperty("notifiedParties").EnumerateArray().Any(p => p.GetString() == "vendor")).ToList();
        Assert.True(told.Count > 0, listed.ToString());
        var alertId = told[0].GetProperty("id").GetString()!;

        var vendorView = (await _host.JsonAsync(HttpMethod.Get, "/api/alerts/" + alertId, vendorKey)).ToString();
        Assert.True(vendorView.Contains(QueryToken, StringComparison.Ordinal), vendorView);
        var customerView = await _host.JsonAsync(HttpMethod.Get, "/api/alerts/" + alertId, customerKey);
        var customerText = customerView.ToString();
        Assert.DoesNotContain(QueryToken, customerText, StringComparison.Ordinal);
        Assert.DoesNotContain(PathSecret, customerText, StringComparison.Ordinal);
        var webhook = customerView.GetProperty("notifications").EnumerateArray().Single(n => n.GetProperty("channel").GetString() == "webhook");
        Assert.Contains("307", webhook.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.All(webhook.GetProperty("attemptLog").EnumerateArray(), a => Assert.DoesNotContain(QueryToken, a.ToString(), StringComparison.Ordinal));

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _host.BaseAddress };
        Assert.Contains(QueryToken, await ConsolePageAsync(browser, vendorKey, "/ui/alerts/" + alertId), StringComparison.Ordinal);
        var customerPage = await ConsolePageAsync(browser, customerKey, "/ui/alerts/" + alertId);
        Assert.Contains("307", customerPage, StringComparison.Ordinal);
        Assert.DoesNotContain(QueryToken, customerPage, StringComparison.Ordinal);
        Assert.DoesNotContain(PathSecret, customerPage, StringComparison.Ordinal);
    }

    private static async Task<string> ConsolePageAsync(HttpClient browser, string key, string path)
    {
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/ui/session") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = key }) };
        using var signedIn = await browser.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", signedIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0]);
        using var page = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await page.Content.ReadAsStringAsync();
    }
}
