using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Testing;

namespace GapMonitor.Api.Tests.Console;

/// <summary>
/// A drifted system whose model lost its ranking (drift, performance alerts, a failed heartbeat) → signed in through the
/// sign-in form, its console page shows every section with accessible inline SVG charts and no inline style or script;
/// another tenant gets the not-found page; the customer sees the vendor's webhook host, never its URL.
/// </summary>
public sealed partial class SystemPageJourneyTests : IAsyncLifetime
{
    private const string SystemId = "page-churn";
    private const string VendorHookPath = "/vendor-hook-token-7f3a";
    private ApiTestHost _host = null!;
    private TestWebhookReceiver _vendorHook = null!;
    private string _vendorKey = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _vendorHook = TestWebhookReceiver.Start(timeProvider: _host.Time, path: VendorHookPath);
        _vendorKey = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var body = JsonNode.Parse(JsonSerializer.Serialize(
            SystemBodies.Registration(SystemId, "contoso-ml", "acme", _host.Time.GetUtcNow().AddDays(-30), vendorWebhook: _vendorHook.Url, vendorSecret: _vendorHook.Secret, heartbeatPeriod: "P1D"),
            new JsonSerializerOptions(JsonSerializerDefaults.Web)))!.AsObject();
        body["telemetry"] = JsonNode.Parse("""{"driftWindow":"PT1H"}""");
        body["performance"] = JsonNode.Parse("""{"task":"binary-classification","prediction":"churn_pred","probability":"churn_proba","target":"churned","chunkRows":250}""");
        var ingest = (await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendorKey, body.ToJsonString(), 201)).GetProperty("ingestKey").GetString()!;
        await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/heartbeats", ingest, new { status = "ok" }, 202);
        _host.Time.Advance(TimeSpan.FromMinutes(5));
        await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/heartbeats", ingest, new { status = "fail", message = "feature store unreachable" }, 202);
        using (var upload = await _host.SendAsync(HttpMethod.Put, $"/api/systems/{SystemId}/reference", _vendorKey, configure: r => r.Content = new StringContent(ReferenceCsv(1000), Encoding.UTF8, "text/csv")))
        {
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        // Ages moved up and the model went blind (one probability for everyone): input drift and a performance drop.
        var rows = Enumerable.Range(0, 200).Select(i => new { age = 70 + (i % 20), churn_pred = i % 2, churn_proba = 0.5, correlationid = $"req-{i}", churned = i % 4 == 0 ? 1 : 0 }).ToArray();
        await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/telemetry?batchId=b-1", ingest, rows, 202);
        _host.Time.Advance(TimeSpan.FromMinutes(61));
        await _host.SweepAsync();
    }

    public async Task DisposeAsync()
    {
        await _vendorHook.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task TheVendor_SeesEverySection_WithAccessibleCharts_AndNoInlineStyleOrScript()
    {
        var cookie = await SignInAsync(_vendorKey);
        var (status, html) = await PageAsync($"/ui/systems/{SystemId}", cookie);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.All(["status", "heartbeats", "alerts", "ownership", "silences", "drift", "performance", "scorecard", "deliveries", "audit"], section =>
            Assert.Contains($"<section id=\"{section}\"", html, StringComparison.Ordinal));
        Assert.True(Encoding.UTF8.GetByteCount(html) <= 200 * 1024, $"{Encoding.UTF8.GetByteCount(html)} bytes");
        Assert.DoesNotMatch(InlineStyleOrScript(), html);

        // Every chart is an image with an accessible name, and has a text alternative next to it.
        var charts = Svg().Matches(html).Select(m => m.Value).ToList();
        Assert.True(charts.Count >= 4, $"{charts.Count} charts");
        Assert.All(charts, svg => Assert.Matches("role=\"img\"[^>]*aria-(label|labelledby)=\"[^\"]+\"", svg));
        Assert.Contains("aria-labelledby=\"beats-day-caption beats-day-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"beat-fail\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"beat-ok\"", html, StringComparison.Ordinal);
        Assert.Contains("1 failed", html, StringComparison.Ordinal);
        Assert.Contains("feature store unreachable", html, StringComparison.Ordinal);

        // Drift: the window's bar is marked as dataset drift; the latest window lists the age column against its threshold.
        Assert.Contains("class=\"bar drifted-bar\"", html, StringComparison.Ordinal);
        Assert.Contains("1 windows; 1 with dataset drift", html, StringComparison.Ordinal);
        Assert.Matches("<td>age</td>\\s*<td>numeric</td>", html);
        Assert.Contains("<h3>Distributions</h3>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("No distributions were stored", html, StringComparison.Ordinal);
        Assert.Contains("<figcaption>age", html, StringComparison.Ordinal);

        // Performance: roc_auc realized and estimated against the reference band.
        Assert.Contains("aria-labelledby=\"perf-roc_auc-caption perf-roc_auc-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"series realized\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"series estimated\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"threshold\"", html, StringComparison.Ordinal);
        Assert.Contains("realized 0.5, estimated 0.5", html, StringComparison.Ordinal);

        // Alerts link to their pages; the scorecard lists the practices.
        var alerts = await _host.JsonAsync(HttpMethod.Get, $"/api/alerts?systemId={SystemId}&state=open", _vendorKey);
        var kinds = alerts.GetProperty("items").EnumerateArray().Select(a => (Id: a.GetProperty("id").GetString()!, Kind: a.GetProperty("kind").GetString()!)).ToList();
        Assert.Contains(kinds, a => a.Kind == "drift-detected");
        Assert.All(kinds, a => Assert.Contains($"href=\"/ui/alerts/{Uri.EscapeDataString(a.Id)}\"", html, StringComparison.Ordinal));
        Assert.Contains("continuous-monitoring", html, StringComparison.Ordinal);
        Assert.Contains("continuous-ownership", html, StringComparison.Ordinal);

        // The vendor sees its own webhook in full.
        Assert.Contains(_vendorHook.Url.AbsoluteUri, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCustomer_SeesTheVendorsWebhookHost_NeverItsUrl()
    {
        var customer = await _host.CreateKeyAsync("customer", customer: "acme");
        var cookie = await SignInAsync(customer);
        var (status, html) = await PageAsync($"/ui/systems/{SystemId}", cookie);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<td>{_vendorHook.Url.Host}</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(VendorHookPath, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherTenant_GetsTheNotFoundPage_LikeAMissingSystem()
    {
        var other = await _host.CreateKeyAsync("vendor", vendor: "fabrikam-ai");
        var cookie = await SignInAsync(other);

        var (status, html) = await PageAsync($"/ui/systems/{SystemId}", cookie);
        var (missingStatus, missing) = await PageAsync("/ui/systems/no-such-system", cookie);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(HttpStatusCode.NotFound, missingStatus);
        Assert.DoesNotContain(SystemId, html, StringComparison.Ordinal);
        Assert.Equal(missing, html);
    }

    [Fact]
    public async Task WithoutASession_ThePageRedirectsToSignIn()
    {
        using var client = NewClient();
        using var response = await client.GetAsync($"/ui/systems/{SystemId}");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/?next=%2Fui%2Fsystems%2F{SystemId}", response.Headers.Location?.OriginalString);
    }

    private async Task<string> SignInAsync(string key)
    {
        using var client = NewClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = key });
        using var response = await client.PostAsync("/ui/session", form);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"sign-in: {(int)response.StatusCode}");
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        return setCookie.Split(';')[0];
    }

    private async Task<(HttpStatusCode Status, string Html)> PageAsync(string path, string? cookie)
    {
        using var client = NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private HttpClient NewClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _host.BaseAddress };

    /// <summary>A model right four times in five whose probabilities rank well (as in the performance journey), ages 20–69.</summary>
    private static string ReferenceCsv(int rows)
    {
        var csv = new StringBuilder("age,churn_pred,churn_proba,churned\n");
        for (var i = 0; i < rows; i++)
        {
            var pred = i % 2;
            var proba = (pred == 1 ? 0.8 : 0.2) + ((i % 7) / 100.0);
            var target = i % 5 == 0 ? 1 - pred : pred;
            csv.Append(CultureInfo.InvariantCulture, $"{20 + (i % 50)},{pred},{proba},{target}\n");
        }

        return csv.ToString();
    }

    [GeneratedRegex("\\sstyle=|<style|<script", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyleOrScript();

    [GeneratedRegex("<svg[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Svg();
}
