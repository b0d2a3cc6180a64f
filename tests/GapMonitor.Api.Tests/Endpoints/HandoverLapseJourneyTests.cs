using System.Text.Json;
using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Testing;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// The first user journey end to end, over a real loopback port: register as the vendor, heartbeat with the ingest key,
/// go silent, get told (signed webhook + SMTP email), escalate, acknowledge, recover — and another customer sees nothing.
/// The handover notices that also arrive (v2: handover.started at registration) are HandoverJourneyTests' concern.
/// </summary>
public sealed class HandoverLapseJourneyTests : IAsyncLifetime
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
    public async Task SilentMonitoring_AfterHandover_AlertsOwnerEscalatesAndResolvesWithoutDuplicates()
    {
        var vendorKey = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var customerKey = await _host.CreateKeyAsync("customer", customer: "acme");
        var otherCustomerKey = await _host.CreateKeyAsync("customer", customer: "globex");
        var handover = _host.Time.GetUtcNow().AddDays(-20);

        var created = await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendorKey,
            SystemBodies.Registration("acme-churn", "contoso-ml", "acme", handover, _customerHook.Url, _customerHook.Secret, _vendorHook.Url, _vendorHook.Secret), 201);
        var ingestKey = created.GetProperty("ingestKey").GetString()!;
        Assert.Equal("customer", created.GetProperty("operationsOwner").GetString());

        await _host.JsonAsync(HttpMethod.Post, "/api/systems/acme-churn/heartbeats", ingestKey, new { status = "ok" }, 202);
        _host.Time.Advance(TimeSpan.FromMinutes(7) + TimeSpan.FromSeconds(1));
        var sweep = await _host.SweepAsync();
        Assert.Equal(1, sweep.GetProperty("alertsOpened").GetInt32());
        Assert.Equal(0, sweep.GetProperty("systemsFailed").GetInt32());

        var opened = Assert.Single(AlertWebhooks(_customerHook));
        Assert.True(opened.SignatureValid, opened.SignatureFailure);
        using (var body = JsonDocument.Parse(opened.Body))
        {
            Assert.Equal("alert.opened", body.RootElement.GetProperty("type").GetString());
            Assert.Equal("monitoring-silent", body.RootElement.GetProperty("data").GetProperty("alert").GetProperty("kind").GetString());
            Assert.Equal("acme-churn", body.RootElement.GetProperty("data").GetProperty("system").GetProperty("id").GetString());
        }

        Assert.Empty(AlertWebhooks(_vendorHook));
        var mail = Assert.Single(_host.Smtp.Messages, m => m.Headers["X-GapMonitor-Event"] == "alert.opened");
        Assert.StartsWith("[GapMonitor]", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("monitoring-silent", mail.Subject, StringComparison.Ordinal);
        Assert.Equal("mlops@acme.example", mail.To.Mailboxes.Single().Address);

        var alerts = await _host.JsonAsync(HttpMethod.Get, "/api/alerts?state=open", customerKey);
        var alertId = alerts.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString()!;
        Assert.Empty((await _host.JsonAsync(HttpMethod.Get, "/api/alerts", otherCustomerKey)).GetProperty("items").EnumerateArray());
        await _host.JsonAsync(HttpMethod.Get, $"/api/alerts/{alertId}", otherCustomerKey, expectedStatus: 404);
        await _host.JsonAsync(HttpMethod.Post, $"/api/alerts/{alertId}/acknowledge", otherCustomerKey, new { }, 404);
        await _host.JsonAsync(HttpMethod.Get, "/api/systems/acme-churn", otherCustomerKey, expectedStatus: 404);

        _host.Time.Advance(TimeSpan.FromHours(4));
        sweep = await _host.SweepAsync();
        Assert.Equal(1, sweep.GetProperty("alertsEscalated").GetInt32());
        var escalated = Assert.Single(AlertWebhooks(_vendorHook));
        Assert.True(escalated.SignatureValid, escalated.SignatureFailure);
        Assert.Contains("\"alert.escalated\"", escalated.Body, StringComparison.Ordinal);

        var acknowledged = await _host.JsonAsync(HttpMethod.Post, $"/api/alerts/{alertId}/acknowledge", customerKey, new { by = "dana@acme.example", note = "On it" });
        Assert.Equal("acknowledged", acknowledged.GetProperty("state").GetString());
        Assert.Equal("dana@acme.example", acknowledged.GetProperty("acknowledgedBy").GetString());

        await _host.JsonAsync(HttpMethod.Post, "/api/systems/acme-churn/heartbeats", ingestKey, new { status = "ok" }, 202);
        await _host.SweepAsync();
        await _host.SweepAsync();

        var resolved = await _host.JsonAsync(HttpMethod.Get, $"/api/alerts/{alertId}", customerKey);
        Assert.Equal("resolved", resolved.GetProperty("state").GetString());
        Assert.Contains(_customerHook.Requests, r => r.Body.Contains("\"alert.resolved\"", StringComparison.Ordinal));
        Assert.Contains(_vendorHook.Requests, r => r.Body.Contains("\"alert.resolved\"", StringComparison.Ordinal));
        var allWebhooks = _customerHook.Requests.Concat(_vendorHook.Requests).ToList();
        Assert.All(allWebhooks, r => Assert.True(r.SignatureValid, r.SignatureFailure));
        Assert.Equal(allWebhooks.Count, allWebhooks.Select(r => r.Header("webhook-id")).Distinct().Count());
        Assert.All(resolved.GetProperty("notifications").EnumerateArray(), n => Assert.Equal("delivered", n.GetProperty("state").GetString()));

        var audit = await _host.JsonAsync(HttpMethod.Get, "/api/systems/acme-churn/audit", vendorKey);
        var actions = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("system.registered", actions);
        Assert.Contains("alert.opened", actions);
        Assert.Contains("alert.escalated", actions);
        Assert.Contains("alert.acknowledged", actions);
        Assert.Contains("alert.resolved", actions);
    }

    [Fact]
    public async Task Webhook_WhenReceiverFailsFirst_IsRetriedWithBackoffAndDeliveredOnce()
    {
        var vendorKey = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendorKey,
            SystemBodies.Registration("acme-retry", "contoso-ml", "acme", _host.Time.GetUtcNow().AddDays(-30), _customerHook.Url, _customerHook.Secret), 201);
        await _host.SweepAsync(); // handover.started (request 1) goes out at registration; the alert's first two attempts fail
        _customerHook.FailFirst = 3;
        _host.Time.Advance(TimeSpan.FromMinutes(8));
        await _host.SweepAsync();
        Assert.Single(AlertWebhooks(_customerHook));

        await _host.SweepAsync();
        Assert.Single(AlertWebhooks(_customerHook)); // not due yet: backoff

        for (var i = 0; i < 4 && _customerHook.Requests.Count(r => r.Number > 3) == 0; i++)
        {
            _host.Time.Advance(TimeSpan.FromMinutes(2));
            await _host.SweepAsync();
        }

        Assert.Equal(3, AlertWebhooks(_customerHook).Count);
        Assert.Single(AlertWebhooks(_customerHook).Select(r => r.Header("webhook-id")).Distinct());
        var alerts = await _host.JsonAsync(HttpMethod.Get, "/api/alerts?systemId=acme-retry", vendorKey);
        var alertId = alerts.GetProperty("items")[0].GetProperty("id").GetString()!;
        var detail = await _host.JsonAsync(HttpMethod.Get, $"/api/alerts/{alertId}", vendorKey);
        var webhook = detail.GetProperty("notifications").EnumerateArray().Single(n => n.GetProperty("channel").GetString() == "webhook");
        Assert.Equal("delivered", webhook.GetProperty("state").GetString());
        Assert.Equal(3, webhook.GetProperty("attempts").GetInt32());
        Assert.Equal(3, webhook.GetProperty("attemptLog").GetArrayLength());
    }

    /// <summary>The requests about alerts (<c>alert.*</c>), leaving out handover notices.</summary>
    private static List<ReceivedWebhook> AlertWebhooks(TestWebhookReceiver hook) =>
        [.. hook.Requests.Where(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()!.StartsWith("alert.", StringComparison.Ordinal))];
}
