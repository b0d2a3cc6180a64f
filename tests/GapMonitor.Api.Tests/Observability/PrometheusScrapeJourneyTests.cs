using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Cli.Serve;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Api.Tests.Observability;

/// <summary>
/// The standalone host's own metrics over a real loopback port: sweeps that deliver a webhook and emails, then
/// <c>GET /metrics</c> in Prometheus text with the counts the sweeps reported, no tenant id anywhere, and only for the
/// scrape key or the admin key (or anyone, when the operator allows it).
/// </summary>
public sealed partial class PrometheusScrapeJourneyTests : IAsyncLifetime
{
    private const string ScrapeKey = "scrape-key-for-prometheus-0123456789abcdef";
    private ApiTestHost _host = null!;
    private TestWebhookReceiver _hook = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync(configureServices: s => s.PostConfigure<PrometheusScrapeOptions>(o => o.ScrapeKey = ScrapeKey));
        _hook = TestWebhookReceiver.Start(timeProvider: _host.Time, path: "/customer");
    }

    public async Task DisposeAsync()
    {
        await _hook.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Metrics_AfterSweepsThatDeliver_CountThemInPrometheusText_WithoutTenantIds()
    {
        var vendorKey = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var created = await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendorKey,
            SystemBodies.Registration("acme-churn", "contoso-ml", "acme", _host.Time.GetUtcNow().AddDays(-20), _hook.Url, _hook.Secret), 201);
        await _host.JsonAsync(HttpMethod.Post, "/api/systems/acme-churn/heartbeats", created.GetProperty("ingestKey").GetString(), new { status = "ok" }, 202);
        var first = await _host.SweepAsync();
        _host.Time.Advance(TimeSpan.FromMinutes(7) + TimeSpan.FromSeconds(1));
        var second = await _host.SweepAsync();
        Assert.Equal(1, second.GetProperty("alertsOpened").GetInt32());
        Assert.NotEmpty(_hook.Requests);
        var delivered = first.GetProperty("notificationsDelivered").GetInt32() + second.GetProperty("notificationsDelivered").GetInt32();
        Assert.True(delivered >= 2, $"expected the alert's webhook and email to be delivered, got {delivered}");

        using var response = await _host.SendAsync(HttpMethod.Get, PrometheusScrapeEndpoint.Path, ScrapeKey);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain; version=0.0.4", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, Sample(text, "gapmonitor_sweep_completed_total"));
        Assert.Equal(delivered, Sample(text, "gapmonitor_notifications_delivered_total"));
        Assert.Equal(2, Sample(text, "gapmonitor_systems_evaluated_total"));
        Assert.Equal(2, Sample(text, "gapmonitor_sweep_duration_seconds_count"));
        Assert.Equal(_host.Time.GetUtcNow().ToUnixTimeSeconds(), Sample(text, "gapmonitor_sweep_last_completed_seconds"));
        Assert.Contains("http_server_request_duration_seconds_count{", text, StringComparison.Ordinal);
        foreach (var tenant in new[] { "acme-churn", "contoso-ml", "acme" })
        {
            Assert.DoesNotContain(tenant, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Metrics_OnlyForTheScrapeKeyOrTheAdminKey()
    {
        var vendorKey = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");

        using var none = await _host.SendAsync(HttpMethod.Get, PrometheusScrapeEndpoint.Path, key: null);
        using var wrong = await _host.SendAsync(HttpMethod.Get, PrometheusScrapeEndpoint.Path, ScrapeKey + "x");
        using var vendor = await _host.SendAsync(HttpMethod.Get, PrometheusScrapeEndpoint.Path, vendorKey);
        using var admin = await _host.SendAsync(HttpMethod.Get, PrometheusScrapeEndpoint.Path, ApiTestHost.AdminKey);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("gapmonitor_", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, vendor.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task Metrics_TakeTheScrapeKeyAsXApiKeyToo()
    {
        using var response = await _host.SendAsync(HttpMethod.Get, PrometheusScrapeEndpoint.Path, key: null, configure: r => r.Headers.Add("x-api-key", ScrapeKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Host_WithAScrapeKeyUnder32Characters_RefusesToStart()
    {
        var failure = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(async () =>
            await (await ApiTestHost.StartAsync(configureServices: s => s.PostConfigure<PrometheusScrapeOptions>(o => o.ScrapeKey = "short-scrape-key"))).DisposeAsync());

        Assert.Contains("ScrapeKey", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_WithAllowAnonymous_AnswerWithoutAKey()
    {
        await using var open = await ApiTestHost.StartAsync(configureServices: s => s.PostConfigure<PrometheusScrapeOptions>(o => o.AllowAnonymous = true));
        await open.SweepAsync();

        using var response = await open.SendAsync(HttpMethod.Get, PrometheusScrapeEndpoint.Path, key: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Sample(await response.Content.ReadAsStringAsync(), "gapmonitor_sweep_completed_total"));
    }

    /// <summary>The value of the one sample of <paramref name="metric"/> (whatever its labels), failing when there is not exactly one.</summary>
    private static double Sample(string exposition, string metric)
    {
        var values = SampleLine().Matches(exposition).Where(m => m.Groups["name"].Value == metric).Select(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.True(values.Count == 1, $"expected one sample of {metric}, found {values.Count} in:\n{exposition}");
        return values[0];
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
