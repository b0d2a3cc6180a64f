using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Testing;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// One-click action links over a real loopback port, on Azurite, with a real webhook receiver and SMTP server: the link
/// in the notification shows a page on GET (changing nothing), acts on POST as its recipient, is harmless the second
/// time, and refuses an altered (404) or expired (410) token.
/// </summary>
public sealed partial class ActionLinkJourneyTests : IAsyncLifetime
{
    private ApiTestHost _host = null!;
    private TestWebhookReceiver _customerHook = null!;
    private string _vendorKey = null!;
    private string _customerKey = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _customerHook = TestWebhookReceiver.Start(timeProvider: _host.Time, path: "/customer");
        _vendorKey = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        _customerKey = await _host.CreateKeyAsync("customer", customer: "acme");
    }

    public async Task DisposeAsync()
    {
        await _customerHook.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task WebhookAcknowledgeLink_ShowsOnGet_ActsOnPostAsTheWebhookHost_IsHarmlessTwice_AndRefusesAlteredOrExpiredTokens()
    {
        var alertId = await OpenAlertAsync("acme-links");
        var opened = Assert.Single(NotHandover(_customerHook));
        Assert.True(opened.SignatureValid, opened.SignatureFailure);
        using var body = JsonDocument.Parse(opened.Body);
        var links = body.RootElement.GetProperty("data").GetProperty("links");
        var link = links.GetProperty("acknowledge").GetString()!;
        Assert.StartsWith($"{_host.BaseAddress.AbsoluteUri.TrimEnd('/')}/act/", link, StringComparison.Ordinal);
        Assert.True(links.TryGetProperty("status", out _));
        Assert.True(links.TryGetProperty("snooze", out _));
        Assert.False(links.TryGetProperty("confirmOwnership", out _));

        await AcknowledgeJourneyAsync(link, alertId, "acme-links", "webhook:127.0.0.1");
    }

    [Fact]
    public async Task EmailAcknowledgeLink_ActsAsTheEmailAddress_AndTheStatusLinkShowsTheSystemReadOnly()
    {
        var alertId = await OpenAlertAsync("acme-mail-links");
        var mail = Assert.Single(_host.Smtp.Messages, m => m.Headers["X-GapMonitor-Event"] == "alert.opened" && m.To.Mailboxes.Single().Address == "mlops@acme.example");
        var urls = LinkPattern().Matches(mail.TextBody!).Select(m => m.Value).ToList();
        Assert.Equal(3, urls.Count);
        Assert.All(urls, u => Assert.Contains($"href=\"{u}\"", mail.HtmlBody, StringComparison.Ordinal));
        Assert.DoesNotContain("POST /api/alerts", mail.TextBody, StringComparison.Ordinal);

        var (statusCode, statusPage) = await PageAsync(HttpMethod.Get, urls[2]);
        Assert.Equal(HttpStatusCode.OK, statusCode);
        Assert.Contains("Status of Model acme-mail-links", statusPage, StringComparison.Ordinal);
        Assert.Contains("monitoring-silent, open since", statusPage, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", statusPage, StringComparison.Ordinal);

        await AcknowledgeJourneyAsync(urls[0], alertId, "acme-mail-links", "mlops@acme.example");
    }

    [Fact]
    public async Task HandoverStartedConfirmOwnershipLink_ConfirmsAsTheCustomerContact_AndOnlyTheCustomerGetsIt()
    {
        var vendorHook = TestWebhookReceiver.Start(timeProvider: _host.Time, path: "/vendor");
        await using (vendorHook)
        {
            await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendorKey, SystemBodies.Registration(
                "acme-confirm", "contoso-ml", "acme", _host.Time.GetUtcNow().AddDays(-1), customerWebhook: _customerHook.Url, customerSecret: _customerHook.Secret,
                vendorWebhook: vendorHook.Url, vendorSecret: vendorHook.Secret), 201);
            await _host.SweepAsync();

            var started = Assert.Single(_customerHook.Requests, r => Type(r) == "handover.started");
            var link = JsonDocument.Parse(started.Body).RootElement.GetProperty("data").GetProperty("links").GetProperty("confirmOwnership").GetString()!;
            var vendorNotice = Assert.Single(vendorHook.Requests, r => Type(r) == "handover.started");
            Assert.False(JsonDocument.Parse(vendorNotice.Body).RootElement.GetProperty("data").GetProperty("links").TryGetProperty("confirmOwnership", out _));
            Assert.Equal("due", (await _host.JsonAsync(HttpMethod.Get, "/api/systems/acme-confirm/ownership", _customerKey)).GetProperty("state").GetString());

            var (shown, page) = await PageAsync(HttpMethod.Get, link);
            Assert.Equal(HttpStatusCode.OK, shown);
            Assert.Contains("Confirm ownership", page, StringComparison.Ordinal);
            Assert.Equal("due", (await _host.JsonAsync(HttpMethod.Get, "/api/systems/acme-confirm/ownership", _customerKey)).GetProperty("state").GetString());

            var (posted, done) = await PageAsync(HttpMethod.Post, link);
            Assert.Equal(HttpStatusCode.OK, posted);
            Assert.Contains("Ownership confirmed", done, StringComparison.Ordinal);
            var ownership = await _host.JsonAsync(HttpMethod.Get, "/api/systems/acme-confirm/ownership", _vendorKey);
            Assert.Equal(("confirmed", "webhook:127.0.0.1"), (ownership.GetProperty("state").GetString(), ownership.GetProperty("confirmedBy").GetString()));
            var (again, againPage) = await PageAsync(HttpMethod.Post, link);
            Assert.Equal((HttpStatusCode.OK, true), (again, againPage.Contains("Already done", StringComparison.Ordinal)));
            Assert.Single((await _host.JsonAsync(HttpMethod.Get, "/api/systems/acme-confirm/ownership", _vendorKey)).GetProperty("history").EnumerateArray());
        }
    }

    [Fact]
    public async Task ConfirmOwnershipLink_OfARetiredSystem_SaysThereIsNothingToConfirm_AndConfirmsNothing()
    {
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendorKey, SystemBodies.Registration(
            "acme-retired", "contoso-ml", "acme", _host.Time.GetUtcNow().AddDays(-1), customerWebhook: _customerHook.Url, customerSecret: _customerHook.Secret), 201);
        await _host.SweepAsync();
        var started = Assert.Single(_customerHook.Requests, r => Type(r) == "handover.started");
        var link = JsonDocument.Parse(started.Body).RootElement.GetProperty("data").GetProperty("links").GetProperty("confirmOwnership").GetString()!;
        using (var retired = await _host.SendAsync(HttpMethod.Delete, "/api/systems/acme-retired", _vendorKey))
        {
            Assert.Equal(HttpStatusCode.NoContent, retired.StatusCode);
        }

        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
        {
            var (status, page) = await PageAsync(method, link);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("Nothing to confirm", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<form", page, StringComparison.Ordinal);
        }

        Assert.Equal("due", (await _host.JsonAsync(HttpMethod.Get, "/api/systems/acme-retired/ownership", _vendorKey)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task SnoozeLink_SilencesThatKindFor24Hours_AsTheRecipientsParty_AndTellsTheOtherParty()
    {
        await OpenAlertAsync("acme-snooze");
        var opened = Assert.Single(NotHandover(_customerHook));
        var link = JsonDocument.Parse(opened.Body).RootElement.GetProperty("data").GetProperty("links").GetProperty("snooze").GetString()!;

        var (posted, done) = await PageAsync(HttpMethod.Post, link);

        Assert.Equal(HttpStatusCode.OK, posted);
        Assert.Contains("Snoozed", done, StringComparison.Ordinal);
        var silence = Assert.Single((await _host.JsonAsync(HttpMethod.Get, "/api/silences?systemId=acme-snooze", _vendorKey)).GetProperty("items").EnumerateArray());
        Assert.Equal(["monitoring-silent"], silence.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(("customer", "webhook:127.0.0.1"), (silence.GetProperty("createdBy").GetString(), silence.GetProperty("by").GetString()));
        Assert.Equal(TimeSpan.FromHours(24), silence.GetProperty("endsAt").GetDateTimeOffset() - silence.GetProperty("startsAt").GetDateTimeOffset());
        await _host.SweepAsync();
        Assert.Contains(_host.Smtp.Messages, m => m.Headers["X-GapMonitor-Event"] == "silence.created" && m.To.Mailboxes.Single().Address == "support@contoso-ml.example");
        var (again, againPage) = await PageAsync(HttpMethod.Post, link);
        Assert.Equal((HttpStatusCode.OK, true), (again, againPage.Contains("Already done", StringComparison.Ordinal)));
        Assert.Single((await _host.JsonAsync(HttpMethod.Get, "/api/silences?systemId=acme-snooze", _vendorKey)).GetProperty("items").EnumerateArray());
    }

    private static string? Type(ReceivedWebhook request) => JsonDocument.Parse(request.Body).RootElement.GetProperty("type").GetString();

    private async Task AcknowledgeJourneyAsync(string link, string alertId, string systemId, string recipient)
    {
        // GET shows what the link will do, with one button, and changes nothing (mail scanners open links).
        using (var get = await _host.Client.GetAsync(new Uri(link)))
        {
            var page = await get.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.Equal("text/html", get.Content.Headers.ContentType!.MediaType);
            Assert.Equal("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'", get.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", get.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", get.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("no-store", get.Headers.CacheControl!.ToString());
            Assert.Contains($"Model {systemId} ({systemId})", page, StringComparison.Ordinal);
            Assert.Contains("monitoring-silent", page, StringComparison.Ordinal);
            Assert.Single(Regex.Matches(page, "<form method=\"post\""));
            Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
        }

        Assert.Equal("open", (await AlertAsync(alertId)).GetProperty("state").GetString());

        // POST acts, as the link's recipient.
        var (posted, donePage) = await PageAsync(HttpMethod.Post, link);
        Assert.Equal(HttpStatusCode.OK, posted);
        Assert.Contains("Alert acknowledged", donePage, StringComparison.Ordinal);
        var acknowledged = await AlertAsync(alertId);
        Assert.Equal(("acknowledged", recipient), (acknowledged.GetProperty("state").GetString(), acknowledged.GetProperty("acknowledgedBy").GetString()));
        var audit = await AcknowledgementAuditAsync(systemId);
        Assert.Equal(recipient, Assert.Single(audit).GetProperty("actor").GetString());

        // A second POST: "already done", nothing changes.
        var (again, againPage) = await PageAsync(HttpMethod.Post, link);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Contains("Already done", againPage, StringComparison.Ordinal);
        Assert.Single(await AcknowledgementAuditAsync(systemId));
        var (getUsed, usedPage) = await PageAsync(HttpMethod.Get, link);
        Assert.Equal((HttpStatusCode.OK, true), (getUsed, usedPage.Contains("Already done", StringComparison.Ordinal)));

        // An altered token is no token at all; a genuine one past 7 days is gone.
        var tokenStart = link.LastIndexOf('/') + 1;
        var altered = link[..(tokenStart + 5)] + (link[tokenStart + 5] == 'A' ? 'B' : 'A') + link[(tokenStart + 6)..];
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await PageAsync(method, altered)).Status);
        }

        _host.Time.Advance(TimeSpan.FromDays(8));
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
        {
            var (status, page) = await PageAsync(method, link);
            Assert.Equal(HttpStatusCode.Gone, status);
            Assert.Contains("expired", page, StringComparison.Ordinal);
        }

        Assert.Single(await AcknowledgementAuditAsync(systemId));
    }

    /// <summary>Registers a system handed over 20 days ago (the customer owns operations) that goes silent: one open alert.</summary>
    private async Task<string> OpenAlertAsync(string systemId)
    {
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendorKey, SystemBodies.Registration(
            systemId, "contoso-ml", "acme", _host.Time.GetUtcNow().AddDays(-20), customerWebhook: _customerHook.Url, customerSecret: _customerHook.Secret), 201);
        _host.Time.Advance(TimeSpan.FromMinutes(7) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await _host.SweepAsync()).GetProperty("alertsOpened").GetInt32());
        return (await _host.JsonAsync(HttpMethod.Get, $"/api/alerts?systemId={systemId}", _customerKey)).GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    private Task<JsonElement> AlertAsync(string alertId) => _host.JsonAsync(HttpMethod.Get, $"/api/alerts/{alertId}", _customerKey);

    private async Task<List<JsonElement>> AcknowledgementAuditAsync(string systemId) =>
        [.. (await _host.JsonAsync(HttpMethod.Get, $"/api/systems/{systemId}/audit", _customerKey)).GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == "alert.acknowledged")];

    /// <summary>A browser's request: a POST submits the page's form (an empty urlencoded body), without any key.</summary>
    private async Task<(HttpStatusCode Status, string Page)> PageAsync(HttpMethod method, string url)
    {
        using var request = new HttpRequestMessage(method, new Uri(url));
        if (method == HttpMethod.Post)
        {
            request.Content = new FormUrlEncodedContent([]);
        }

        using var response = await _host.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/act/[A-Za-z0-9_.-]+")]
    private static partial Regex LinkPattern();

    /// <summary>What a receiver got, leaving out the handover notices every newly registered system sends.</summary>
    private static List<ReceivedWebhook> NotHandover(TestWebhookReceiver hook) =>
        [.. hook.Requests.Where(r => !(JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString() ?? string.Empty).StartsWith("handover.", StringComparison.Ordinal))];
}
