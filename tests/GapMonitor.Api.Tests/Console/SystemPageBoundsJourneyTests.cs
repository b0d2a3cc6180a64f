using System.Globalization;
using System.Net;
using System.Text;
using GapMonitor.Api.Tests.Hosting;

namespace GapMonitor.Api.Tests.Console;

/// <summary>
/// The system page within its bounds, over a real loopback port: a system silent for longer than the timeline still
/// shows its down period; upcoming silences show however many have ended; a wide drift window charts only some columns
/// and the page stays small; links to bearer-only API routes are shown as paths, not links.
/// </summary>
public sealed class SystemPageBoundsJourneyTests : IAsyncLifetime
{
    private const string SystemId = "bounds-churn";
    private ApiTestHost _host = null!;
    private string _vendorKey = null!;
    private string _ingestKey = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _vendorKey = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ASystemSilentForTenDays_ShowsItsDownPeriod_NotNeverSilent()
    {
        await RegisterAsync();
        await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/heartbeats", _ingestKey, new { status = "ok" }, 202);
        _host.Time.Advance(TimeSpan.FromMinutes(10));
        await _host.SweepAsync();
        _host.Time.Advance(TimeSpan.FromDays(10));
        await _host.SweepAsync();

        var html = await PageAsync();

        Assert.DoesNotContain("never silent", html, StringComparison.Ordinal);
        Assert.Contains("class=\"down\"", html, StringComparison.Ordinal);
        Assert.Contains("to now.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenTheHeartbeatCapIsHit_TheTimelineStartsAtTheOldestLoadedBeat_AndSaysSo()
    {
        await RegisterAsync();
        for (var i = 0; i < 505; i++)
        {
            await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/heartbeats", _ingestKey, new { status = "ok" }, 202);
            _host.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var html = await PageAsync();

        Assert.Contains("Only the newest heartbeats were loaded, so this chart starts at", html, StringComparison.Ordinal);
        Assert.Contains("500 heartbeats from", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUpcomingSilence_IsShown_AfterMoreThanTwentyEndedOnes()
    {
        await RegisterAsync();
        for (var i = 0; i < 22; i++)
        {
            await _host.JsonAsync(HttpMethod.Post, "/api/silences", _vendorKey, new { systemId = SystemId, endsAt = _host.Time.GetUtcNow().AddMinutes(1), reason = $"Short pause {i}" }, 201);
            _host.Time.Advance(TimeSpan.FromMinutes(2));
        }

        await _host.JsonAsync(HttpMethod.Post, "/api/silences", _vendorKey, new { systemId = SystemId, startsAt = _host.Time.GetUtcNow().AddDays(1), endsAt = _host.Time.GetUtcNow().AddDays(2), reason = "Planned migration" }, 201);

        var html = await PageAsync();
        var start = html.IndexOf("<section id=\"silences\"", StringComparison.Ordinal);
        var section = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];

        Assert.Contains("Planned migration", section, StringComparison.Ordinal);
        Assert.DoesNotContain("Short pause", section, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWideDriftWindow_ChartsTwentyFourColumns_ListsThemAll_AndThePageStaysSmall()
    {
        await RegisterAsync(withTelemetry: true);
        var columns = Enumerable.Range(0, 200).Select(c => $"f{c:000}").ToList();
        var reference = new StringBuilder(string.Join(',', columns)).Append('\n');
        for (var r = 0; r < 200; r++)
        {
            reference.Append(string.Join(',', columns.Select((_, c) => ((r * 7 + c) % 50).ToString(CultureInfo.InvariantCulture)))).Append('\n');
        }

        using (var upload = await _host.SendAsync(HttpMethod.Put, $"/api/systems/{SystemId}/reference", _vendorKey, configure: r => r.Content = new StringContent(reference.ToString(), Encoding.UTF8, "text/csv")))
        {
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        // The first 30 columns move up; the rest stay put.
        var rows = Enumerable.Range(0, 200).Select(r => columns.Select((name, c) => (name, value: (c < 30 ? 100 : 0) + ((r * 7 + c) % 50))).ToDictionary(x => x.name, x => (object)x.value)).ToArray();
        await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/telemetry?batchId=b-1", _ingestKey, rows, 202);
        _host.Time.Advance(TimeSpan.FromMinutes(61));
        await _host.SweepAsync();

        var html = await PageAsync();

        Assert.True(Encoding.UTF8.GetByteCount(html) <= 200 * 1024, $"{Encoding.UTF8.GetByteCount(html)} bytes");
        Assert.Equal(24, CountOf(html, "<figcaption>f"));
        Assert.All(columns, c => Assert.Contains($"<td>{c}</td>", html, StringComparison.Ordinal));
        Assert.Contains("<figcaption>f000", html, StringComparison.Ordinal);
        Assert.Contains("176 are not", html, StringComparison.Ordinal);
        Assert.Contains("<code>gapmonitor drift --format html</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiRoutes_AreShownAsPaths_NotAsLinksABrowserCannotFollow()
    {
        await RegisterAsync();

        var html = await PageAsync();

        Assert.DoesNotContain("href=\"/api/", html, StringComparison.Ordinal);
        Assert.Contains($"<code>GET /api/alerts?systemId={SystemId}</code>", html, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private async Task RegisterAsync(bool withTelemetry = false)
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(
            SystemBodies.Registration(SystemId, "contoso-ml", "acme", _host.Time.GetUtcNow().AddDays(-30)),
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)))!.AsObject();
        if (withTelemetry)
        {
            body["telemetry"] = System.Text.Json.Nodes.JsonNode.Parse("""{"driftWindow":"PT1H"}""");
        }

        _ingestKey = (await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendorKey, body.ToJsonString(), 201)).GetProperty("ingestKey").GetString()!;
    }

    private async Task<string> PageAsync()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _host.BaseAddress };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = _vendorKey });
        using var signIn = await client.PostAsync("/ui/session", form);
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/ui/systems/{SystemId}");
        request.Headers.Add("Cookie", signIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0]);
        using var page = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await page.Content.ReadAsStringAsync();
    }
}
