using System.Text.Json;
using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Testing;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// The handover as both parties live it, over a real loopback port with real webhook receivers and SMTP: handover.started
/// to both, the customer confirms (the vendor cannot), ownership-unconfirmed to both when overdue and resolved by the
/// confirmation, then handover.grace-ending and handover.completed, each once however often the sweep runs.
/// </summary>
public sealed class OwnershipJourneyTests : IAsyncLifetime
{
    private const string SystemId = "acme-handover";
    private const string Ownership = $"/api/systems/{SystemId}/ownership";
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
    public async Task Handover_NoticesBothParties_CustomerConfirms_OverdueAlertsBoth_AndEachNoticeGoesOutOnce()
    {
        var vendorKey = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var customerKey = await _host.CreateKeyAsync("customer", customer: "acme");
        var otherCustomerKey = await _host.CreateKeyAsync("customer", customer: "globex");
        var mintedKey = (await _host.JsonAsync(HttpMethod.Post, "/api/keys", vendorKey, new { role = "customer", customer = "acme" }, 201)).GetProperty("key").GetString()!;
        var start = _host.Time.GetUtcNow();
        var created = await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendorKey, Registration(start + TimeSpan.FromMinutes(1)), 201);
        Assert.Equal("PT5M", created.GetProperty("ownership").GetProperty("confirmWithin").GetString());
        Assert.Equal("PT20M", created.GetProperty("ownership").GetProperty("reconfirmEvery").GetString());
        Assert.Equal("PT3M", created.GetProperty("graceEndingNotice").GetString());

        await _host.SweepAsync();
        Assert.Empty(Events(_customerHook));

        // Handover: both parties hear it once, by webhook and email, with the deadline and how to confirm.
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        await _host.SweepAsync();
        await _host.SweepAsync();
        Assert.Equal(["handover.started"], Events(_customerHook));
        Assert.Equal(["handover.started"], Events(_vendorHook));
        var started = Data(_customerHook.Requests[0]);
        Assert.Equal(start + TimeSpan.FromMinutes(6), started.GetProperty("handover").GetProperty("ownershipDueAt").GetDateTimeOffset());
        Assert.Equal(start + TimeSpan.FromMinutes(11), started.GetProperty("handover").GetProperty("graceEndsAt").GetDateTimeOffset());
        Assert.Contains($"POST /api/systems/{SystemId}/ownership", started.GetProperty("action").GetString(), StringComparison.Ordinal);
        var startedMails = Mails("handover.started");
        Assert.Equal(["mlops@acme.example", "support@contoso-ml.example"], startedMails.Select(m => m.To.Mailboxes.Single().Address).Order().ToArray());
        Assert.All(startedMails, m =>
        {
            Assert.Contains($"POST /api/systems/{SystemId}/ownership", m.TextBody, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\d{2}:\d{2}:\d{2}", m.TextBody);
        });

        var due = await _host.JsonAsync(HttpMethod.Get, Ownership, vendorKey);
        Assert.Equal("due", due.GetProperty("state").GetString());
        Assert.Equal(start + TimeSpan.FromMinutes(6), due.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Empty(due.GetProperty("history").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, due.GetProperty("next").ValueKind);

        // Past the deadline: ownership-unconfirmed goes to both parties at once.
        _host.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, (await _host.SweepAsync()).GetProperty("alertsOpened").GetInt32());
        Assert.Equal(["handover.started", "alert.opened"], Events(_customerHook));
        Assert.Equal(["handover.started", "alert.opened"], Events(_vendorHook));
        Assert.Equal("ownership-unconfirmed", Data(_vendorHook.Requests[^1]).GetProperty("alert").GetProperty("kind").GetString());
        Assert.Equal("overdue", (await _host.JsonAsync(HttpMethod.Get, Ownership, customerKey)).GetProperty("state").GetString());

        // Only the customer itself (or admin) confirms.
        var refused = await _host.JsonAsync(HttpMethod.Post, Ownership, vendorKey, new { by = "vendor-person" }, 403);
        Assert.Equal(403, refused.GetProperty("status").GetInt32());
        await _host.JsonAsync(HttpMethod.Post, Ownership, mintedKey, new { }, 403);
        await _host.JsonAsync(HttpMethod.Post, Ownership, otherCustomerKey, new { }, 404);
        await _host.JsonAsync(HttpMethod.Get, Ownership, otherCustomerKey, expectedStatus: 404);

        var confirmedAt = _host.Time.GetUtcNow();
        var (confirmed, replayed) = await ConfirmTwiceAsync(customerKey, new { by = "dana@acme.example", note = "We run it now" });
        Assert.Equal(confirmed, replayed);
        var answer = JsonDocument.Parse(confirmed).RootElement;
        Assert.Equal("confirmed", answer.GetProperty("state").GetString());
        Assert.Equal("dana@acme.example", answer.GetProperty("confirmedBy").GetString());
        Assert.Equal(confirmedAt, answer.GetProperty("confirmedAt").GetDateTimeOffset());
        Assert.Equal(confirmedAt + TimeSpan.FromMinutes(20), answer.GetProperty("dueAt").GetDateTimeOffset());

        var alert = (await _host.JsonAsync(HttpMethod.Get, $"/api/alerts?systemId={SystemId}&kind=ownership-unconfirmed", vendorKey)).GetProperty("items")[0];
        Assert.Equal("resolved", alert.GetProperty("state").GetString());
        await _host.SweepAsync();
        Assert.Equal(["handover.started", "alert.opened", "alert.resolved", "ownership.confirmed"], InOrderOfSweeps(Events(_customerHook)));
        Assert.Equal(["handover.started", "alert.opened", "alert.resolved", "ownership.confirmed"], InOrderOfSweeps(Events(_vendorHook)));

        // The vendor's grace ends 3 minutes after now: both hear it once, then that operations passed.
        _host.Time.SetUtcNow(start + TimeSpan.FromMinutes(8));
        await _host.SweepAsync();
        await _host.SweepAsync();
        Assert.Equal("handover.grace-ending", Events(_customerHook)[^1]);
        Assert.Equal("handover.grace-ending", Events(_vendorHook)[^1]);
        _host.Time.SetUtcNow(start + TimeSpan.FromMinutes(11));
        await _host.SweepAsync();
        await _host.SweepAsync();
        Assert.Equal(["handover.started", "alert.opened", "alert.resolved", "ownership.confirmed", "handover.grace-ending", "handover.completed"], InOrderOfSweeps(Events(_customerHook)));
        Assert.Equal(["handover.started", "alert.opened", "alert.resolved", "ownership.confirmed", "handover.grace-ending", "handover.completed"], InOrderOfSweeps(Events(_vendorHook)));
        Assert.Equal("customer", Data(_customerHook.Requests[^1]).GetProperty("handover").GetProperty("operationsOwner").GetString());
        Assert.All(_customerHook.Requests.Concat(_vendorHook.Requests), r => Assert.True(r.SignatureValid, r.SignatureFailure));
        Assert.Equal(2, Mails("handover.completed").Count);

        // A second confirmation (admin, for the customer): the history pages newest first.
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        await _host.JsonAsync(HttpMethod.Post, Ownership, ApiTestHost.AdminKey, new { by = "lee@acme.example" });
        var first = await _host.JsonAsync(HttpMethod.Get, Ownership + "?limit=1", customerKey);
        Assert.Equal("confirmed", first.GetProperty("state").GetString());
        Assert.Equal("lee@acme.example", first.GetProperty("confirmedBy").GetString());
        Assert.Equal("lee@acme.example", Assert.Single(first.GetProperty("history").EnumerateArray()).GetProperty("confirmedBy").GetString());
        var next = first.GetProperty("next").GetString()!;
        var second = await _host.JsonAsync(HttpMethod.Get, $"{Ownership}?limit=1&cursor={Uri.EscapeDataString(next)}", customerKey);
        var older = Assert.Single(second.GetProperty("history").EnumerateArray());
        Assert.Equal("dana@acme.example", older.GetProperty("confirmedBy").GetString());
        Assert.Equal("We run it now", older.GetProperty("note").GetString());
        Assert.Equal("customer:acme", older.GetProperty("actor").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        Assert.True((await _host.JsonAsync(HttpMethod.Get, Ownership + "?limit=0", customerKey, expectedStatus: 400)).GetProperty("errors").TryGetProperty("limit", out _));
        Assert.True((await _host.JsonAsync(HttpMethod.Get, Ownership + "?cursor=bogus", customerKey, expectedStatus: 400)).GetProperty("errors").TryGetProperty("cursor", out _));

        var audit = (await _host.JsonAsync(HttpMethod.Get, $"/api/systems/{SystemId}/audit", vendorKey)).GetProperty("items").EnumerateArray().ToList();
        Assert.Single(audit, e => e.GetProperty("action").GetString() == "handover.started");
        Assert.Single(audit, e => e.GetProperty("action").GetString() == "ownership.confirmed" && e.GetProperty("actor").GetString() == "customer:acme");
    }

    [Theory]
    [InlineData("PT0S", "P90D", "P3D", "ownership.confirmWithin")]
    [InlineData("P7D", "P3651D", "P3D", "ownership.reconfirmEvery")]
    [InlineData("P7D", "P90D", "soon", "graceEndingNotice")]
    public async Task Register_WithBadOwnershipDuration_Returns400NamingTheField(string confirmWithin, string reconfirmEvery, string graceEndingNotice, string field)
    {
        var vendorKey = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");

        var problem = await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendorKey, Registration(_host.Time.GetUtcNow(), confirmWithin, reconfirmEvery, graceEndingNotice), 400);

        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray());
    }

    [Fact]
    public async Task Register_WithoutOwnership_GetsTheDefaults_AndOpenApiDescribesTheRoutes()
    {
        var vendorKey = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendorKey, SystemBodies.Registration("acme-defaults", "contoso-ml", "acme", _host.Time.GetUtcNow()), 201);

        var system = await _host.JsonAsync(HttpMethod.Get, "/api/systems/acme-defaults", vendorKey);
        Assert.Equal("P7D", system.GetProperty("ownership").GetProperty("confirmWithin").GetString());
        Assert.Equal("P90D", system.GetProperty("ownership").GetProperty("reconfirmEvery").GetString());
        Assert.Equal("P3D", system.GetProperty("graceEndingNotice").GetString());

        var document = await _host.JsonAsync(HttpMethod.Get, "/api/openapi.json", key: null);
        var path = document.GetProperty("paths").GetProperty("/api/systems/{id}/ownership");
        Assert.True(path.TryGetProperty("get", out _));
        Assert.True(path.TryGetProperty("post", out _));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("SystemRequest").GetProperty("properties").TryGetProperty("graceEndingNotice", out _));
        Assert.True(schemas.GetProperty("OwnershipRequest").GetProperty("properties").TryGetProperty("confirmWithin", out _));
        Assert.True(schemas.GetProperty("OwnershipResponse").GetProperty("properties").TryGetProperty("history", out _));
    }

    private async Task<(string First, string Replay)> ConfirmTwiceAsync(string key, object body)
    {
        var bodies = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await _host.SendAsync(HttpMethod.Post, Ownership, key, body, r => r.Headers.Add("Idempotency-Key", "confirm-1"));
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal(i == 1, response.Headers.Contains("Idempotent-Replayed"));
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Single((await _host.JsonAsync(HttpMethod.Get, Ownership, key)).GetProperty("history").EnumerateArray());
        return (bodies[0], bodies[1]);
    }

    /// <summary>Handover at <paramref name="handoverAt"/>, the vendor keeps operations 10 minutes; heartbeats are not the point here.</summary>
    private object Registration(DateTimeOffset handoverAt, string confirmWithin = "PT5M", string reconfirmEvery = "PT20M", string graceEndingNotice = "PT3M") => new
    {
        id = SystemId,
        name = "Churn model for ACME",
        vendor = "contoso-ml",
        customer = "acme",
        handoverAt,
        vendorGracePeriod = "PT10M",
        monitoring = new { heartbeatPeriod = "P1D", heartbeatGrace = "PT1H" },
        acknowledgeWithin = "PT1H",
        ownership = new { confirmWithin, reconfirmEvery },
        graceEndingNotice,
        contacts = new object[]
        {
            new { party = "customer", email = "mlops@acme.example" },
            new { party = "customer", webhook = new { url = _customerHook.Url.AbsoluteUri, secret = _customerHook.Secret } },
            new { party = "vendor", email = "support@contoso-ml.example" },
            new { party = "vendor", webhook = new { url = _vendorHook.Url.AbsoluteUri, secret = _vendorHook.Secret } },
        },
    };

    private List<MimeKit.MimeMessage> Mails(string type) => [.. _host.Smtp.Messages.Where(m => m.Headers["X-GapMonitor-Event"] == type)];

    private static List<string> Events(TestWebhookReceiver hook) =>
        [.. hook.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()!)];

    /// <summary>The confirmation's two notifications go out in the same sweep, in either order.</summary>
    private static List<string> InOrderOfSweeps(List<string> events)
    {
        if (events.Count >= 4)
        {
            var pair = events[2..4].Order(StringComparer.Ordinal).ToList();
            events[2] = pair[0];
            events[3] = pair[1];
        }

        return events;
    }

    private static JsonElement Data(ReceivedWebhook request) => JsonDocument.Parse(request.Body).RootElement.GetProperty("data").Clone();
}
