using System.Net;
using System.Text.Json;
using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Api.Ui;
using GapMonitor.Core.ActionLinks;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// Console sessions over a real loopback port: the cookie is signed, lasts 12 hours, ends with its key, and only this
/// site's own forms may sign in or change anything; sign-in never sends the browser to another site.
/// </summary>
public sealed class ConsoleSessionJourneyTests : IAsyncLifetime
{
    private ApiTestHost _host = null!;
    private HttpClient _browser = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _browser = Browser(_host);
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task ASession_LastsTwelveHours_AndAnAlteredCookieIsNoSession()
    {
        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var cookie = await SignInAsync(_browser, vendor);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(_browser, "/ui/fleet", cookie)).StatusCode);

        var altered = cookie[..^2] + (cookie[^2] == 'A' ? "B" : "A") + cookie[^1];
        AssertSignInRedirect(await GetAsync(_browser, "/ui/fleet", altered), "/ui/fleet");
        AssertSignInRedirect(await GetAsync(_browser, "/ui/fleet", "gapmonitor_session=" + JsonSerializer.Serialize(new { sub = "admin:x" })), "/ui/fleet");

        _host.Time.Advance(ConsoleSessionCookie.Lifetime - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(_browser, "/ui/fleet", cookie)).StatusCode);
        _host.Time.Advance(TimeSpan.FromMinutes(2));
        AssertSignInRedirect(await GetAsync(_browser, "/ui/fleet?sort=name", cookie), "/ui/fleet?sort=name");
    }

    [Fact]
    public async Task RevokingTheKey_EndsItsSessionsAtOnce_AndIngestKeysCannotSignIn()
    {
        var created = await _host.JsonAsync(HttpMethod.Post, "/api/keys", ApiTestHost.AdminKey, new { role = "vendor", vendor = "contoso-ml" }, 201);
        var cookie = await SignInAsync(_browser, created.GetProperty("key").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(_browser, "/ui/fleet", cookie)).StatusCode);

        await _host.JsonAsync(HttpMethod.Delete, "/api/keys/" + created.GetProperty("id").GetString(), ApiTestHost.AdminKey, expectedStatus: 204);
        AssertSignInRedirect(await GetAsync(_browser, "/ui/fleet", cookie), "/ui/fleet");

        var ingest = (await _host.JsonAsync(HttpMethod.Post, "/api/systems", ApiTestHost.AdminKey, SystemBodies.Registration("console-sys", "contoso-ml", "acme", _host.Time.GetUtcNow()), 201)).GetProperty("ingestKey").GetString()!;
        using var refused = await PostFormAsync(_browser, "/ui/session", new() { ["key"] = ingest });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Set-Cookie"));
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Ingest keys cannot sign in", page, StringComparison.Ordinal);
        Assert.DoesNotContain(ingest, page, StringComparison.Ordinal);

        using var wrong = await PostFormAsync(_browser, "/ui/session", new() { ["key"] = "gm_vendor_0000.nope" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.DoesNotContain("gm_vendor_0000.nope", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotatingTheAdminKey_EndsAdminSessions_EvenUnderTheSameSigningKey()
    {
        var signing = new ActionLinkSettings(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        await using var before = await ApiTestHost.StartAsync(configureServices: s => s.AddSingleton(signing));
        const string Rotated = "rotated-admin-key-0123456789abcdef-99";
        await using var after = await ApiTestHost.StartAsync(configureServices: s => s.AddSingleton(signing), adminKey: Rotated);
        using var browserBefore = Browser(before);
        using var browserAfter = Browser(after);
        var adminCookie = await SignInAsync(browserBefore, ApiTestHost.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(browserBefore, "/ui/fleet", adminCookie)).StatusCode);

        var vendor = (await after.JsonAsync(HttpMethod.Post, "/api/keys", Rotated, new { role = "vendor", vendor = "contoso-ml" }, 201)).GetProperty("key").GetString()!;
        var vendorCookie = await SignInAsync(browserAfter, vendor);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(browserAfter, "/ui/fleet", vendorCookie)).StatusCode);
        AssertSignInRedirect(await GetAsync(browserAfter, "/ui/fleet", adminCookie), "/ui/fleet");
    }

    [Fact]
    public async Task Pages_CarryTheSecurityHeaders_AndTheStylesheetIsCacheableCss()
    {
        var cookie = await SignInAsync(_browser, ApiTestHost.AdminKey);
        foreach (var (path, sessionCookie) in new[] { ("/", (string?)null), ("/ui/fleet", cookie), ("/ui/alerts/none.0", cookie) })
        {
            using var page = await GetAsync(_browser, path, sessionCookie);
            Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
            Assert.Equal(ConsoleHeaders.ContentSecurityPolicy, page.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-store", page.Headers.CacheControl!.ToString());
            var html = await page.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        }

        using var css = await GetAsync(_browser, "/ui/console.css", null);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", css.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(css.Headers.CacheControl!.Public && css.Headers.CacheControl.MaxAge > TimeSpan.Zero);
        Assert.Contains(".state-bad", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrossSitePosts_AreRefused_AndSignOutNeedsTheFormToken()
    {
        using var crossSite = await PostFormAsync(_browser, "/ui/session", new() { ["key"] = ApiTestHost.AdminKey }, r => r.Headers.Add("Origin", "http://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.False(crossSite.Headers.Contains("Set-Cookie"));
        using var fetchSite = await PostFormAsync(_browser, "/ui/session", new() { ["key"] = ApiTestHost.AdminKey }, r => r.Headers.Add("Sec-Fetch-Site", "cross-site"));
        Assert.Equal(HttpStatusCode.Forbidden, fetchSite.StatusCode);

        var cookie = await SignInAsync(_browser, ApiTestHost.AdminKey);
        using var noToken = await PostFormAsync(_browser, "/ui/session/end", new() { ["x"] = "1" }, r => r.Headers.Add("Cookie", cookie));
        Assert.Equal(HttpStatusCode.Forbidden, noToken.StatusCode);
        Assert.False(noToken.Headers.Contains("Set-Cookie"));

        var token = FormToken(await (await GetAsync(_browser, "/ui/fleet", cookie)).Content.ReadAsStringAsync());
        using var signOut = await PostFormAsync(_browser, "/ui/session/end", new() { ["_form_token"] = token }, r => r.Headers.Add("Cookie", cookie));
        Assert.Equal(HttpStatusCode.SeeOther, signOut.StatusCode);
        Assert.Equal("/", signOut.Headers.Location!.OriginalString);
        Assert.Contains("Max-Age=0", signOut.Headers.GetValues("Set-Cookie").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/ui/fleet", "/ui/fleet")]
    [InlineData("/\\evil.example", "/ui/fleet")]
    [InlineData("https://evil.example/", "/ui/fleet")]
    [InlineData("ui/fleet", "/ui/fleet")]
    [InlineData("", "/ui/fleet")]
    [InlineData("/ui/alerts/a.1?x=1", "/ui/alerts/a.1?x=1")]
    [InlineData("/ui/fleet?vendor=caf\u00e9", "/ui/fleet")]
    [InlineData("/ui/systems/a\u2028b", "/ui/fleet")]
    [InlineData("/ui/systems/a\u007fb", "/ui/fleet")]
    public async Task SignIn_GoesToNext_OnlyWhenItIsAPathOfThisSite(string next, string expected)
    {
        using var answer = await PostFormAsync(_browser, "/ui/session", new() { ["key"] = ApiTestHost.AdminKey, ["next"] = next });
        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        Assert.Equal(expected, answer.Headers.Location!.OriginalString);
        var setCookie = answer.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("HttpOnly", setCookie, StringComparison.Ordinal);
        Assert.Contains("SameSite=Strict", setCookie, StringComparison.Ordinal);
        Assert.Contains("Max-Age=43200", setCookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSignInPage_RedirectsASignedInBrowserToTheFleet_AndKeepsNextForOthers()
    {
        var cookie = await SignInAsync(_browser, ApiTestHost.AdminKey);
        using var signedIn = await GetAsync(_browser, "/", cookie);
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Equal("/ui/fleet", signedIn.Headers.Location!.OriginalString);

        using var anonymous = await GetAsync(_browser, "/?next=%2Fui%2Falerts%2Fa.1", null);
        var html = await anonymous.Content.ReadAsStringAsync();
        Assert.Contains("name=\"next\" value=\"/ui/alerts/a.1\"", html, StringComparison.Ordinal);
        Assert.Contains("type=\"password\"", html, StringComparison.Ordinal);
        using var offsite = await GetAsync(_browser, "/?next=%2F%2Fevil.example", null);
        Assert.DoesNotContain("evil.example", await offsite.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverHttps_OnlyTheHostPrefixedCookieCounts_AndForwardedOriginsAreThisSite()
    {
        static void Forwarded(HttpRequestMessage request)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-Host", "gapmonitor.example");
        }

        using var signIn = await PostFormAsync(_browser, "/ui/session", new() { ["key"] = ApiTestHost.AdminKey }, r =>
        {
            Forwarded(r);
            r.Headers.Add("Origin", "https://gapmonitor.example");
        });
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        var secure = signIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        Assert.StartsWith(ConsoleSessionCookie.SecureName + "=", secure, StringComparison.Ordinal);

        using var withSecure = await GetAsync(_browser, "/ui/fleet", secure, Forwarded);
        Assert.Equal(HttpStatusCode.OK, withSecure.StatusCode);

        var planted = ConsoleSessionCookie.PlainName + "=" + secure[(secure.IndexOf('=', StringComparison.Ordinal) + 1)..];
        AssertSignInRedirect(await GetAsync(_browser, "/ui/fleet", planted, Forwarded), "/ui/fleet");

        using var otherOrigin = await PostFormAsync(_browser, "/ui/session", new() { ["key"] = ApiTestHost.AdminKey }, r =>
        {
            Forwarded(r);
            r.Headers.Add("Origin", "https://evil.example");
        });
        Assert.Equal(HttpStatusCode.Forbidden, otherOrigin.StatusCode);
    }

    [Fact]
    public async Task AnUnexpectedFailure_IsAPlainPageWithTheSecurityHeaders_NeverAStackTrace()
    {
        var clock = new FailingClock();
        await using var host = await ApiTestHost.StartAsync(configureServices: services => services.AddSingleton<TimeProvider>(clock));
        using var browser = Browser(host);
        var cookie = await SignInAsync(browser, ApiTestHost.AdminKey);
        clock.Failing = true;

        using var page = await GetAsync(browser, "/ui/fleet", cookie);
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Equal(ConsoleHeaders.ContentSecurityPolicy, page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", html, StringComparison.Ordinal);
        Assert.DoesNotContain(FailingClock.Secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
    }

    private static HttpClient Browser(ApiTestHost host) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.BaseAddress };

    private static async Task<string> SignInAsync(HttpClient browser, string key)
    {
        using var answer = await PostFormAsync(browser, "/ui/session", new() { ["key"] = key });
        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        return answer.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient browser, string path, string? cookie, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        configure?.Invoke(request);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await browser.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, Dictionary<string, string> fields, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        configure?.Invoke(request);
        return await browser.SendAsync(request);
    }

    private static void AssertSignInRedirect(HttpResponseMessage answer, string from)
    {
        using (answer)
        {
            Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
            Assert.Equal("/?next=" + Uri.EscapeDataString(from), answer.Headers.Location!.OriginalString);
        }
    }

    private static string FormToken(string html)
    {
        var marker = "name=\"_form_token\" value=\"";
        var start = html.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return html[start..html.IndexOf('"', start)];
    }

    private sealed class FailingClock : TimeProvider
    {
        public const string Secret = "clock-failure-detail-7f3a";

        private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

        public bool Failing { get; set; }

        public override DateTimeOffset GetUtcNow() => Failing ? throw new InvalidOperationException(Secret) : _time.GetUtcNow();
    }
}
