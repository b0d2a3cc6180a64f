using System.Text.Json;
using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Testing;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// Reminders that don't stop, over a real loopback port with real webhook receivers and SMTP: an open alert reminds everyone
/// told every <c>remindEvery</c>, exactly once however often the sweep runs; an acknowledgement that outlives
/// <c>acknowledgementExpiresAfter</c> reopens the alert, says why, and escalation starts over.
/// </summary>
public sealed class ReminderJourneyTests : IAsyncLifetime
{
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
    public async Task OpenAlert_RemindsOnceEveryRemindEvery_AndAnExpiredAcknowledgementReopensRemindsAndEscalatesAgain()
    {
        var vendorKey = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var customerKey = await _host.CreateKeyAsync("customer", customer: "acme");
        var created = await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendorKey, Registration("acme-remind", remindEvery: "PT20M", acknowledgementExpiresAfter: "PT30M"), 201);
        Assert.Equal("PT20M", created.GetProperty("alerting").GetProperty("remindEvery").GetString());
        Assert.Equal("PT30M", created.GetProperty("alerting").GetProperty("acknowledgementExpiresAfter").GetString());

        // Silent since registration: down after period + grace (7 minutes).
        _host.Time.Advance(TimeSpan.FromMinutes(7) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await _host.SweepAsync()).GetProperty("alertsOpened").GetInt32());
        Assert.Equal(["alert.opened"], Events(_customerHook));
        var alertId = (await _host.JsonAsync(HttpMethod.Get, "/api/alerts?systemId=acme-remind", customerKey)).GetProperty("items")[0].GetProperty("id").GetString()!;

        _host.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(1, (await _host.SweepAsync()).GetProperty("alertsEscalated").GetInt32());
        Assert.Equal(["alert.escalated"], Events(_vendorHook));
        Assert.Equal(["alert.opened"], Events(_customerHook));

        // 20 minutes after the escalation, the last notification: one reminder to everyone told, however often the sweep runs.
        _host.Time.Advance(TimeSpan.FromMinutes(20) - TimeSpan.FromSeconds(1));
        await _host.SweepAsync();
        Assert.Equal(["alert.opened"], Events(_customerHook));
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        await _host.SweepAsync();
        await _host.SweepAsync();
        Assert.Equal(["alert.opened", "alert.reminder"], Events(_customerHook));
        Assert.Equal(["alert.escalated", "alert.reminder"], Events(_vendorHook));
        Assert.All(_customerHook.Requests.Concat(_vendorHook.Requests), r => Assert.True(r.SignatureValid, r.SignatureFailure));
        Assert.Null(Reason(_customerHook.Requests[^1].Body));
        var reminderMail = Assert.Single(_host.Smtp.Messages, m => m.Headers["X-GapMonitor-Event"] == "alert.reminder" && m.To.Mailboxes.Single().Address == "mlops@acme.example");
        Assert.Contains("still open", reminderMail.TextBody, StringComparison.Ordinal);

        var acknowledged = await _host.JsonAsync(HttpMethod.Post, $"/api/alerts/{alertId}/acknowledge", customerKey, new { by = "dana@acme.example", note = "On it" });
        Assert.Equal("acknowledged", acknowledged.GetProperty("state").GetString());
        _host.Time.Advance(TimeSpan.FromMinutes(29));
        await _host.SweepAsync();
        Assert.Equal("acknowledged", (await _host.JsonAsync(HttpMethod.Get, $"/api/alerts/{alertId}", customerKey)).GetProperty("state").GetString());

        // The acknowledgement expires: open again, everyone told hears why.
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        await _host.SweepAsync();
        await _host.SweepAsync();
        var reopened = await _host.JsonAsync(HttpMethod.Get, $"/api/alerts/{alertId}", customerKey);
        Assert.Equal("open", reopened.GetProperty("state").GetString());
        Assert.Equal(_host.Time.GetUtcNow(), reopened.GetProperty("reopenedAt").GetDateTimeOffset());
        Assert.Equal(["alert.opened", "alert.reminder", "alert.acknowledged", "alert.reminder"], Events(_customerHook));
        Assert.Equal(["alert.escalated", "alert.reminder", "alert.acknowledged", "alert.reminder"], Events(_vendorHook));
        Assert.All(new[] { _customerHook.Requests[^1], _vendorHook.Requests[^1] }, r => Assert.Equal("acknowledgement-expired", Reason(r.Body)));
        var expiredMail = Assert.Single(_host.Smtp.Messages, m => m.Headers["X-GapMonitor-Event"] == "alert.reminder" && m.To.Mailboxes.Single().Address == "support@contoso-ml.example"
            && m.TextBody!.Contains("acknowledgement", StringComparison.Ordinal) && m.TextBody.Contains("expired", StringComparison.Ordinal));
        Assert.Equal($"alert-{alertId}@gapmonitor", expiredMail.InReplyTo);

        // Escalation starts over from the reopening: not before acknowledgeWithin (PT15M) has passed again.
        _host.Time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await _host.SweepAsync()).GetProperty("alertsEscalated").GetInt32());
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await _host.SweepAsync()).GetProperty("alertsEscalated").GetInt32());
        Assert.Equal("alert.escalated", Events(_vendorHook)[^1]);
        Assert.Equal(2, Events(_vendorHook).Count(e => e == "alert.escalated"));

        var audit = await _host.JsonAsync(HttpMethod.Get, "/api/systems/acme-remind/audit", vendorKey);
        var actions = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Single(actions, a => a == "alert.reminder");
        Assert.Single(actions, a => a == "acknowledgement-expired");
        Assert.Equal(2, actions.Count(a => a == "alert.escalated"));

        // One alert, one email thread: every email about it replies to the same anchor, each under its own message id.
        var mails = _host.Smtp.Messages.Where(m => m.Headers["X-GapMonitor-Alert-Id"] == alertId).ToList();
        Assert.True(mails.Count >= 8, $"{mails.Count} emails");
        Assert.All(mails, m =>
        {
            Assert.Equal($"alert-{alertId}@gapmonitor", m.InReplyTo);
            Assert.Equal([$"alert-{alertId}@gapmonitor"], m.References);
            Assert.Equal("auto-generated", m.Headers["Auto-Submitted"]);
            Assert.DoesNotMatch(@"\d{2}:\d{2}:\d{2}", m.TextBody);
        });
        Assert.Equal(mails.Count, mails.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Register_WithoutAlerting_GetsTheDefaults()
    {
        var vendorKey = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendorKey, SystemBodies.Registration("acme-defaults", "contoso-ml", "acme", _host.Time.GetUtcNow()), 201);

        var system = await _host.JsonAsync(HttpMethod.Get, "/api/systems/acme-defaults", vendorKey);

        Assert.Equal("P1D", system.GetProperty("alerting").GetProperty("remindEvery").GetString());
        Assert.Equal("P3D", system.GetProperty("alerting").GetProperty("acknowledgementExpiresAfter").GetString());
    }

    [Theory]
    [InlineData("PT0S", "PT30M", "alerting.remindEvery")]
    [InlineData("PT0.5S", "PT30M", "alerting.remindEvery")]
    [InlineData("P3651D", "PT30M", "alerting.remindEvery")]
    [InlineData("P1M", "PT30M", "alerting.remindEvery")]
    [InlineData("PT1S", "soon", "alerting.acknowledgementExpiresAfter")]
    [InlineData("PT1S", "-PT1H", "alerting.acknowledgementExpiresAfter")]
    public async Task Register_WithBadAlertingDuration_Returns400NamingTheField(string remindEvery, string acknowledgementExpiresAfter, string field)
    {
        var vendorKey = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");

        var problem = await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendorKey, Registration("acme-bad", remindEvery, acknowledgementExpiresAfter), 400);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), problem.ToString());
        Assert.Single(errors.EnumerateObject());
        await _host.JsonAsync(HttpMethod.Get, "/api/systems/acme-bad", vendorKey, expectedStatus: 404);
    }

    [Fact]
    public async Task Register_WithShortestAndLongestAlertingDurations_IsAccepted()
    {
        var vendorKey = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");

        var created = await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendorKey, Registration("acme-bounds", "PT1S", "P3650D"), 201);

        Assert.Equal("PT1S", created.GetProperty("alerting").GetProperty("remindEvery").GetString());
        Assert.Equal("P3650D", created.GetProperty("alerting").GetProperty("acknowledgementExpiresAfter").GetString());
    }

    [Fact]
    public async Task OpenApi_DescribesTheAlertingPartOfTheSystemBodyAndResponse()
    {
        var document = await _host.JsonAsync(HttpMethod.Get, "/api/openapi.json", key: null);

        var schemas = document.GetProperty("components").GetProperty("schemas");
        var alerting = schemas.GetProperty("AlertingRequest").GetProperty("properties");
        Assert.True(alerting.TryGetProperty("remindEvery", out _), alerting.ToString());
        Assert.True(alerting.TryGetProperty("acknowledgementExpiresAfter", out _), alerting.ToString());
        Assert.True(schemas.GetProperty("SystemRequest").GetProperty("properties").TryGetProperty("alerting", out _));
        Assert.True(schemas.GetProperty("SystemResponse").GetProperty("properties").TryGetProperty("alerting", out _));
        Assert.True(schemas.GetProperty("AlertResponse").GetProperty("properties").TryGetProperty("reopenedAt", out _));
    }

    /// <summary>Handed over 20 days ago (the customer owns operations), heartbeat PT5M + PT2M, escalation after PT15M.</summary>
    private object Registration(string id, string remindEvery, string acknowledgementExpiresAfter) => new
    {
        id,
        name = "Churn model for ACME",
        vendor = "contoso-ml",
        customer = "acme",
        handoverAt = _host.Time.GetUtcNow().AddDays(-20),
        vendorGracePeriod = "P14D",
        monitoring = new { heartbeatPeriod = "PT5M", heartbeatGrace = "PT2M" },
        acknowledgeWithin = "PT15M",
        alerting = new { remindEvery, acknowledgementExpiresAfter },
        contacts = new object[]
        {
            new { party = "customer", email = "mlops@acme.example" },
            new { party = "customer", webhook = new { url = _customerHook.Url.AbsoluteUri, secret = _customerHook.Secret } },
            new { party = "vendor", email = "support@contoso-ml.example" },
            new { party = "vendor", webhook = new { url = _vendorHook.Url.AbsoluteUri, secret = _vendorHook.Secret } },
        },
    };

    /// <summary>The alert events a receiver got, leaving out handover notices (v2: handover.started at registration).</summary>
    private static List<string> Events(TestWebhookReceiver hook) =>
        [.. hook.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()!).Where(t => t.StartsWith("alert.", StringComparison.Ordinal))];

    private static string? Reason(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("data").TryGetProperty("reason", out var reason) ? reason.GetString() : null;
}
