using System.Net;
using System.Text.Json;
using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Core.Alerts;
using GapMonitor.Testing;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// Silences over a real loopback port, Azurite, real webhook receivers and SMTP: the other party hears of a silence;
/// alerts under it open silenced and tell nobody; when it ends (as planned or by DELETE) the held-back notification goes
/// out once, however many sweeps run; tenants cannot see or end each other's silences.
/// </summary>
public sealed class SilenceJourneyTests : IAsyncLifetime
{
    private const string SystemId = "acme-quiet";
    private ApiTestHost _host = null!;
    private TestWebhookReceiver _customerHook = null!;
    private TestWebhookReceiver _vendorHook = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _customerHook = TestWebhookReceiver.Start(timeProvider: _host.Time, path: "/customer");
        _vendorHook = TestWebhookReceiver.Start(timeProvider: _host.Time, path: "/vendor");
    }

    public async Task DisposeAsync()
    {
        await _customerHook.DisposeAsync();
        await _vendorHook.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task VendorSilence_TellsTheCustomer_HoldsTheAlertBack_AndSendsItOnceWhenItEnds()
    {
        var vendorKey = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var customerKey = await _host.CreateKeyAsync("customer", customer: "acme");
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendorKey, Registration(), 201);
        var endsAt = _host.Time.GetUtcNow().AddHours(1);

        // Created by the vendor, idempotently: the replay answers the same silence and tells nobody again.
        var body = new { systemId = SystemId, kinds = new[] { "monitoring-silent" }, endsAt, reason = "Retraining on November data", by = "sam@contoso-ml.example" };
        using var first = await _host.SendAsync(HttpMethod.Post, "/api/silences", vendorKey, body, r => r.Headers.Add("Idempotency-Key", "silence-1"));
        using var replay = await _host.SendAsync(HttpMethod.Post, "/api/silences", vendorKey, body, r => r.Headers.Add("Idempotency-Key", "silence-1"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var silence = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        var silenceId = silence.GetProperty("id").GetString()!;
        Assert.Equal($"/api/silences/{silenceId}", first.Headers.Location!.OriginalString);
        Assert.Equal(silenceId, JsonDocument.Parse(await replay.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString());
        Assert.Equal("vendor", silence.GetProperty("createdBy").GetString());
        Assert.Equal(["monitoring-silent"], silence.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(endsAt, silence.GetProperty("endsAt").GetDateTimeOffset());
        Assert.Equal(_host.Time.GetUtcNow(), silence.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal("sam@contoso-ml.example", silence.GetProperty("by").GetString());

        // The customer is told (webhook, signed; and email), the vendor who created it is not.
        await _host.SweepAsync();
        var notice = Assert.Single(NotHandover(_customerHook));
        Assert.True(notice.SignatureValid, notice.SignatureFailure);
        var data = JsonDocument.Parse(notice.Body).RootElement;
        Assert.Equal("silence.created", data.GetProperty("type").GetString());
        Assert.Equal(silenceId, data.GetProperty("data").GetProperty("silence").GetProperty("id").GetString());
        Assert.Equal("Retraining on November data", data.GetProperty("data").GetProperty("silence").GetProperty("reason").GetString());
        Assert.Empty(NotHandover(_vendorHook));
        var mail = Assert.Single(_host.Smtp.Messages, m => m.Headers["X-GapMonitor-Event"] == "silence.created");
        Assert.Equal("mlops@acme.example", mail.To.Mailboxes.Single().Address);
        Assert.Contains("Retraining on November data", mail.TextBody, StringComparison.Ordinal);

        // Monitoring goes silent under the silence: the alert opens, silenced, and nobody hears of it — not even at escalation time.
        _host.Time.Advance(TimeSpan.FromMinutes(7) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await _host.SweepAsync()).GetProperty("alertsOpened").GetInt32());
        var alert = (await _host.JsonAsync(HttpMethod.Get, $"/api/alerts?systemId={SystemId}", customerKey)).GetProperty("items")[0];
        Assert.True(alert.GetProperty("silenced").GetBoolean());
        Assert.Equal("open", alert.GetProperty("state").GetString());
        _host.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, (await _host.SweepAsync()).GetProperty("alertsEscalated").GetInt32());
        Assert.Equal(["silence.created"], Events(_customerHook));
        Assert.Empty(NotHandover(_vendorHook));
        Assert.DoesNotContain(_host.Smtp.Messages, m => m.Headers["X-GapMonitor-Event"]!.StartsWith("alert.", StringComparison.Ordinal));

        // The silence ends: the held-back opening goes to the owner exactly once, even with two sweeps at the same time.
        _host.Time.SetUtcNow(endsAt);
        await Task.WhenAll(_host.SweepAsync(), _host.SweepAsync());
        await _host.SweepAsync();
        Assert.Equal(["silence.created", "alert.opened"], Events(_customerHook));
        Assert.Equal("silence-ended", Reason(NotHandover(_customerHook)[^1].Body));
        Assert.All(NotHandover(_customerHook), r => Assert.True(r.SignatureValid, r.SignatureFailure));
        Assert.Empty(NotHandover(_vendorHook));
        Assert.Single(_host.Smtp.Messages, m => m.Headers["X-GapMonitor-Event"] == "alert.opened");
        var unsilenced = await _host.JsonAsync(HttpMethod.Get, $"/api/alerts/{alert.GetProperty("id").GetString()}", customerKey);
        Assert.False(unsilenced.GetProperty("silenced").GetBoolean());

        var ended = await _host.JsonAsync(HttpMethod.Get, $"/api/silences/{silenceId}", customerKey);
        Assert.Equal("ended", ended.GetProperty("state").GetString());
        Assert.Equal(silenceId, (await _host.JsonAsync(HttpMethod.Get, $"/api/silences?systemId={SystemId}&active=false", customerKey)).GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Empty((await _host.JsonAsync(HttpMethod.Get, $"/api/silences?systemId={SystemId}&active=true", customerKey)).GetProperty("items").EnumerateArray());
        var actions = (await _host.JsonAsync(HttpMethod.Get, $"/api/systems/{SystemId}/audit", vendorKey)).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Single(actions, a => a == "silence.created");
        Assert.Single(actions, a => a == "silence.ended");
        Assert.Single(actions, a => a == "alert.silence-ended");
    }

    [Fact]
    public async Task CustomerSilence_TellsTheVendor_AndDeleteEndsItSoTheNextSweepRemindsOfTheOpenAlert()
    {
        var vendorKey = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var customerKey = await _host.CreateKeyAsync("customer", customer: "acme");
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendorKey, Registration(), 201);
        _host.Time.Advance(TimeSpan.FromMinutes(7) + TimeSpan.FromSeconds(1));
        await _host.SweepAsync();
        Assert.Equal(["alert.opened"], Events(_customerHook));

        var silence = await _host.JsonAsync(HttpMethod.Post, "/api/silences", customerKey, new { systemId = SystemId, endsAt = _host.Time.GetUtcNow().AddDays(2), reason = "Data center move" }, 201);
        var silenceId = silence.GetProperty("id").GetString()!;
        Assert.Equal("customer", silence.GetProperty("createdBy").GetString());
        Assert.Equal("customer:acme", silence.GetProperty("by").GetString());
        Assert.Equal(AlertKinds.All.Order(StringComparer.Ordinal), silence.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()!).Order(StringComparer.Ordinal));
        await _host.SweepAsync();
        Assert.Equal(["silence.created"], Events(_vendorHook));
        Assert.Equal(["alert.opened"], Events(_customerHook));
        Assert.True((await _host.JsonAsync(HttpMethod.Get, $"/api/alerts?systemId={SystemId}", vendorKey)).GetProperty("items")[0].GetProperty("silenced").GetBoolean());

        // Past the escalation and a reminder: still quiet.
        _host.Time.Advance(TimeSpan.FromHours(2));
        await _host.SweepAsync();
        Assert.Equal(["alert.opened"], Events(_customerHook));
        Assert.Equal(["silence.created"], Events(_vendorHook));

        using (var delete = await _host.SendAsync(HttpMethod.Delete, $"/api/silences/{silenceId}", vendorKey))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        using (var again = await _host.SendAsync(HttpMethod.Delete, $"/api/silences/{silenceId}", vendorKey))
        {
            Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        }

        var ended = await _host.JsonAsync(HttpMethod.Get, $"/api/silences/{silenceId}", customerKey);
        Assert.Equal("ended", ended.GetProperty("state").GetString());
        Assert.Equal(_host.Time.GetUtcNow(), ended.GetProperty("endedAt").GetDateTimeOffset());
        Assert.Equal("vendor:contoso-ml", ended.GetProperty("endedBy").GetString());

        await _host.SweepAsync();
        await _host.SweepAsync();
        Assert.Equal(["alert.opened", "alert.reminder"], Events(_customerHook));
        Assert.Equal("silence-ended", Reason(NotHandover(_customerHook)[^1].Body));
        Assert.False((await _host.JsonAsync(HttpMethod.Get, $"/api/alerts?systemId={SystemId}", vendorKey)).GetProperty("items")[0].GetProperty("silenced").GetBoolean());
    }

    [Fact]
    public async Task AnotherTenant_CannotSeeCreateOrEndTheSilence_AndAnIngestKeyCannotSilence()
    {
        var vendorKey = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var otherVendor = await _host.CreateKeyAsync("vendor", vendor: "rival-ml");
        var otherCustomer = await _host.CreateKeyAsync("customer", customer: "globex");
        var created = await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendorKey, Registration(), 201);
        var silenceId = (await _host.JsonAsync(HttpMethod.Post, "/api/silences", vendorKey, new { systemId = SystemId, endsAt = _host.Time.GetUtcNow().AddHours(3), reason = "Retraining" }, 201)).GetProperty("id").GetString()!;

        foreach (var key in new[] { otherVendor, otherCustomer })
        {
            await _host.JsonAsync(HttpMethod.Get, $"/api/silences/{silenceId}", key, expectedStatus: 404);
            await _host.JsonAsync(HttpMethod.Delete, $"/api/silences/{silenceId}", key, expectedStatus: 404);
            await _host.JsonAsync(HttpMethod.Post, "/api/silences", key, new { systemId = SystemId, endsAt = _host.Time.GetUtcNow().AddHours(3), reason = "Mine now" }, 404);
            Assert.Empty((await _host.JsonAsync(HttpMethod.Get, "/api/silences", key)).GetProperty("items").EnumerateArray());
            Assert.Empty((await _host.JsonAsync(HttpMethod.Get, $"/api/silences?systemId={SystemId}", key)).GetProperty("items").EnumerateArray());
        }

        var ingestKey = created.GetProperty("ingestKey").GetString()!;
        await _host.JsonAsync(HttpMethod.Post, "/api/silences", ingestKey, new { systemId = SystemId, endsAt = _host.Time.GetUtcNow().AddHours(3), reason = "Quiet please" }, 403);
        Assert.Equal("active", (await _host.JsonAsync(HttpMethod.Get, $"/api/silences/{silenceId}", vendorKey)).GetProperty("state").GetString());
        Assert.Single((await _host.JsonAsync(HttpMethod.Get, "/api/silences?active=true", vendorKey)).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("endsAt", null, "P31D", "Retraining")]
    [InlineData("endsAt", null, "-PT1M", "Retraining")]
    [InlineData("reason", null, "PT1H", null)]
    [InlineData("reason", null, "PT1H", " ")]
    [InlineData("kinds[1]", "drift-detected,model-drift", "PT1H", "Retraining")]
    [InlineData("endsAt", null, null, "Retraining")]
    public async Task Create_WithABadField_Returns400NamingIt(string field, string? kinds, string? endsIn, string? reason)
    {
        var vendorKey = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendorKey, Registration(), 201);
        var now = _host.Time.GetUtcNow();

        var problem = await _host.JsonAsync(HttpMethod.Post, "/api/silences", vendorKey, new
        {
            systemId = SystemId,
            kinds = kinds?.Split(','),
            endsAt = endsIn is null ? (DateTimeOffset?)null : now + System.Xml.XmlConvert.ToTimeSpan(endsIn),
            reason,
        }, 400);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), problem.ToString());
        Assert.Single(errors.EnumerateObject());
        Assert.Empty((await _host.JsonAsync(HttpMethod.Get, "/api/silences", vendorKey)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Lists_PageWithLimitAndCursor()
    {
        var vendorKey = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendorKey, Registration(), 201);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await _host.JsonAsync(HttpMethod.Post, "/api/silences", vendorKey, new { systemId = SystemId, endsAt = _host.Time.GetUtcNow().AddHours(1), reason = $"Step {i}" }, 201)).GetProperty("id").GetString()!);
            _host.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var page1 = await _host.JsonAsync(HttpMethod.Get, "/api/silences?limit=2", vendorKey);
        var next = page1.GetProperty("next").GetString()!;
        var page2 = await _host.JsonAsync(HttpMethod.Get, $"/api/silences?limit=2&cursor={next}", vendorKey);

        Assert.Equal(ids, page1.GetProperty("items").EnumerateArray().Concat(page2.GetProperty("items").EnumerateArray()).Select(s => s.GetProperty("id").GetString()!));
        Assert.Equal(JsonValueKind.Null, page2.GetProperty("next").ValueKind);
        await _host.JsonAsync(HttpMethod.Get, "/api/silences?cursor=bogus", vendorKey, expectedStatus: 400);
        await _host.JsonAsync(HttpMethod.Get, "/api/silences?active=maybe", vendorKey, expectedStatus: 400);
    }

    [Fact]
    public async Task OpenApi_DescribesTheSilenceRoutesAndTheSilencedField()
    {
        var document = await _host.JsonAsync(HttpMethod.Get, "/api/openapi.json", key: null);

        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/silences").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/silences").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/silences/{id}").TryGetProperty("delete", out _));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("SilenceRequest").GetProperty("properties").TryGetProperty("endsAt", out _));
        Assert.True(schemas.GetProperty("SilenceResponse").GetProperty("properties").TryGetProperty("createdBy", out _));
        Assert.True(schemas.GetProperty("AlertResponse").GetProperty("properties").TryGetProperty("silenced", out _));
    }

    /// <summary>Handed over 20 days ago (the customer owns operations), heartbeat PT5M + PT2M, escalation after PT15M.</summary>
    private object Registration() => new
    {
        id = SystemId,
        name = "Churn model for ACME",
        vendor = "contoso-ml",
        customer = "acme",
        handoverAt = _host.Time.GetUtcNow().AddDays(-20),
        vendorGracePeriod = "P14D",
        monitoring = new { heartbeatPeriod = "PT5M", heartbeatGrace = "PT2M" },
        acknowledgeWithin = "PT15M",
        alerting = new { remindEvery = "PT20M", acknowledgementExpiresAfter = "PT30M" },
        contacts = new object[]
        {
            new { party = "customer", email = "mlops@acme.example" },
            new { party = "customer", webhook = new { url = _customerHook.Url.AbsoluteUri, secret = _customerHook.Secret } },
            new { party = "vendor", email = "support@contoso-ml.example" },
            new { party = "vendor", webhook = new { url = _vendorHook.Url.AbsoluteUri, secret = _vendorHook.Secret } },
        },
    };

    private static List<string> Events(TestWebhookReceiver hook) =>
        [.. NotHandover(hook).Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()!)];

    private static string? Reason(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("data").TryGetProperty("reason", out var reason) ? reason.GetString() : null;

    /// <summary>What a receiver got, leaving out the handover notices every newly registered system sends.</summary>
    private static List<ReceivedWebhook> NotHandover(TestWebhookReceiver hook) =>
        [.. hook.Requests.Where(r => !(JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString() ?? string.Empty).StartsWith("handover.", StringComparison.Ordinal))];
}
