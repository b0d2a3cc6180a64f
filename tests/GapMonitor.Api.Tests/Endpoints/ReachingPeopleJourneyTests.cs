using System.Net;
using System.Text.Json;
using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Testing;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// Reaching people, over a real loopback port with real webhook receivers and SMTP: a customer webhook answering
/// 410 Gone is given up at once and opens <c>contact-unreachable</c> naming its host, told to the other contacts and
/// never to it; the deliveries list shows every notification's fate; a contact test goes through the outbox; the alert
/// resolves when the contact is reached again, or removed.
/// </summary>
public sealed class ReachingPeopleJourneyTests : IAsyncLifetime
{
    private const string Id = "acme-reach";
    private const string CustomerEmail = "mlops@acme.example";
    private const string VendorEmail = "support@contoso-ml.example";
    private ApiTestHost _host = null!;
    private TestWebhookReceiver _goneHook = null!;
    private TestWebhookReceiver _vendorHook = null!;
    private string _vendorKey = null!;
    private string _customerKey = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _goneHook = TestWebhookReceiver.Start(timeProvider: _host.Time, path: "/hook-token-s3cr3t");
        _goneHook.FailFirst = int.MaxValue;
        _goneHook.FailureStatus = HttpStatusCode.Gone;
        _vendorHook = TestWebhookReceiver.Start(timeProvider: _host.Time, path: "/vendor");
        _vendorKey = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        _customerKey = await _host.CreateKeyAsync("customer", customer: "acme");
    }

    public async Task DisposeAsync()
    {
        await _goneHook.DisposeAsync();
        await _vendorHook.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Webhook410_OpensContactUnreachable_ToTheOthersOnly_DeliveriesShowIt_AndAReachedContactResolvesIt()
    {
        var alert = await OpenContactUnreachableAsync();

        Assert.Equal("open", alert.GetProperty("state").GetString());
        Assert.Equal("127.0.0.1", alert.GetProperty("contact").GetString());
        Assert.DoesNotContain("s3cr3t", alert.ToString(), StringComparison.Ordinal);
        var told = _vendorHook.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).Single(b => b.GetProperty("data").TryGetProperty("alert", out var a) && a.GetProperty("kind").GetString() == "contact-unreachable");
        Assert.Equal("alert.opened", told.GetProperty("type").GetString());
        Assert.Equal("127.0.0.1", told.GetProperty("data").GetProperty("alert").GetProperty("contact").GetString());
        Assert.Single(_host.Smtp.Messages, m => m.Headers["X-GapMonitor-Alert-Id"] == alert.GetProperty("id").GetString() && m.To.Mailboxes.Single().Address == CustomerEmail);
        Assert.Single(_host.Smtp.Messages, m => m.Headers["X-GapMonitor-Alert-Id"] == alert.GetProperty("id").GetString() && m.To.Mailboxes.Single().Address == VendorEmail);
        Assert.Single(_goneHook.Requests);

        // Every notification's fate, newest first; the 410 one given up after one attempt, its URL never shown.
        var deliveriesResponse = await _host.SendAsync(HttpMethod.Get, $"/api/systems/{Id}/deliveries", _customerKey);
        var deliveriesText = await deliveriesResponse.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, deliveriesResponse.StatusCode);
        Assert.DoesNotContain("s3cr3t", deliveriesText, StringComparison.Ordinal);
        var deliveries = JsonDocument.Parse(deliveriesText).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, deliveries.Count);
        Assert.Equal(deliveries.Select(d => d.GetProperty("createdAt").GetDateTimeOffset()).OrderDescending(), deliveries.Select(d => d.GetProperty("createdAt").GetDateTimeOffset()));
        var givenUp = Assert.Single(deliveries, d => d.GetProperty("state").GetString() == "given-up");
        Assert.Equal("webhook", givenUp.GetProperty("channel").GetString());
        Assert.Equal("127.0.0.1", givenUp.GetProperty("to").GetString());
        Assert.Equal(1, givenUp.GetProperty("attempts").GetInt32());
        Assert.Contains("410", givenUp.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(_goneHook.Requests[0].Header("webhook-id"), givenUp.GetProperty("id").GetString());
        Assert.All(deliveries.Where(d => d.GetProperty("state").GetString() != "given-up"), d => Assert.Equal("delivered", d.GetProperty("state").GetString()));

        // A page at a time, newest first, nothing skipped.
        var first = await _host.JsonAsync(HttpMethod.Get, $"/api/systems/{Id}/deliveries?limit=2", _customerKey);
        var second = await _host.JsonAsync(HttpMethod.Get, $"/api/systems/{Id}/deliveries?limit=2&cursor={first.GetProperty("next").GetString()}", _customerKey);
        var third = await _host.JsonAsync(HttpMethod.Get, $"/api/systems/{Id}/deliveries?limit=2&cursor={second.GetProperty("next").GetString()}", _customerKey);
        Assert.Equal(JsonValueKind.Null, third.GetProperty("next").ValueKind);
        Assert.Equal(
            deliveries.Select(d => d.GetProperty("id").GetString()),
            new[] { first, second, third }.SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(d => d.GetProperty("id").GetString()));

        // A customer tests its own party's contacts, never the vendor's. (Newest first is by creation, to the millisecond.)
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        var refused = await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{Id}/contacts/test", _customerKey, new { contact = 2 }, 403);
        Assert.True(refused.GetProperty("errors").TryGetProperty("contact", out _), refused.ToString());
        var outOfRange = await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{Id}/contacts/test", _customerKey, new { contact = 9 }, 400);
        Assert.True(outOfRange.GetProperty("errors").TryGetProperty("contact", out _), outOfRange.ToString());
        var tested = await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{Id}/contacts/test", _customerKey, new { }, 202);
        var testNotifications = tested.GetProperty("notifications").EnumerateArray().ToList();
        Assert.Equal(["email:" + CustomerEmail, "webhook:127.0.0.1"], testNotifications.Select(n => $"{n.GetProperty("channel").GetString()}:{n.GetProperty("to").GetString()}").Order());
        await _host.SweepAsync();
        var testMail = Assert.Single(_host.Smtp.Messages, m => m.Headers["X-GapMonitor-Event"] == "contact.test");
        Assert.Contains("This is a test from GapMonitor", testMail.TextBody, StringComparison.Ordinal);
        var testDeliveries = (await _host.JsonAsync(HttpMethod.Get, $"/api/systems/{Id}/deliveries?limit=2", _vendorKey)).GetProperty("items").EnumerateArray().ToList();
        Assert.All(testDeliveries, d => Assert.Equal("contact.test", d.GetProperty("type").GetString()));
        Assert.Equal(["delivered", "given-up"], testDeliveries.Select(d => d.GetProperty("state").GetString()).Order());
        Assert.Equal("open", (await ContactUnreachableAsync()).GetProperty("state").GetString());

        // The receiver is back: a test to it is delivered, and the alert resolves, told to everyone.
        _goneHook.FailFirst = 0;
        await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{Id}/contacts/test", _vendorKey, new { contact = 0 }, 202);
        await _host.SweepAsync();
        var resolved = await ContactUnreachableAsync();
        Assert.Equal("resolved", resolved.GetProperty("state").GetString());
        await _host.SweepAsync();
        Assert.Contains(_goneHook.Requests, r => r.Body.Contains("\"alert.resolved\"", StringComparison.Ordinal) && r.Body.Contains("contact-unreachable", StringComparison.Ordinal));
        var audit = (await _host.JsonAsync(HttpMethod.Get, $"/api/systems/{Id}/audit", _vendorKey)).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(2, audit.Count(a => a == "contact.test"));
    }

    [Fact]
    public async Task RemovingTheUnreachableContact_ResolvesContactUnreachable()
    {
        await OpenContactUnreachableAsync();
        var etag = (await _host.SendAsync(HttpMethod.Get, $"/api/systems/{Id}", _vendorKey)).Headers.ETag!.Tag;

        using var updated = await _host.SendAsync(HttpMethod.Put, $"/api/systems/{Id}", _vendorKey, Registration(withGoneHook: false), r => r.Headers.TryAddWithoutValidation("If-Match", etag));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        await _host.SweepAsync();

        var resolved = await ContactUnreachableAsync();
        Assert.Equal("resolved", resolved.GetProperty("state").GetString());
        Assert.Contains("no longer among the contacts", resolved.GetProperty("resolution").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DescribesContactTestsAndDeliveries()
    {
        var document = await _host.JsonAsync(HttpMethod.Get, "/api/openapi.json", key: null);

        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/systems/{id}/contacts/test").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/systems/{id}/deliveries").TryGetProperty("get", out _));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("DeliveryResponse").GetProperty("properties").TryGetProperty("lastError", out _));
        Assert.True(schemas.GetProperty("ContactTestRequest").GetProperty("properties").TryGetProperty("contact", out _));
        Assert.True(schemas.GetProperty("AlertResponse").GetProperty("properties").TryGetProperty("contact", out _));
    }

    /// <summary>Registers the system, lets it go silent and sweeps until contact-unreachable is told.</summary>
    private async Task<JsonElement> OpenContactUnreachableAsync()
    {
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendorKey, Registration(withGoneHook: true), 201);

        // The first sweep comes more than a day after registration: the handover notices are passed over as too late
        // to be news, so the only notifications are about alerts (the counts below rely on it).
        _host.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(7));
        await _host.SweepAsync();
        await _host.SweepAsync();
        return await ContactUnreachableAsync();
    }

    private async Task<JsonElement> ContactUnreachableAsync() =>
        (await _host.JsonAsync(HttpMethod.Get, $"/api/alerts?systemId={Id}&kind=contact-unreachable", _customerKey)).GetProperty("items").EnumerateArray().Single();

    /// <summary>Handed over 20 days ago (the customer owns operations), heartbeat PT5M + PT2M.</summary>
    private object Registration(bool withGoneHook) => new
    {
        id = Id,
        name = "Churn model for ACME",
        vendor = "contoso-ml",
        customer = "acme",
        handoverAt = _host.Time.GetUtcNow().AddDays(-20),
        vendorGracePeriod = "P14D",
        monitoring = new { heartbeatPeriod = "PT5M", heartbeatGrace = "PT2M" },
        acknowledgeWithin = "PT4H",
        contacts = withGoneHook
            ? new object[]
            {
                new { party = "customer", webhook = new { url = _goneHook.Url.AbsoluteUri, secret = _goneHook.Secret } },
                new { party = "customer", email = CustomerEmail },
                new { party = "vendor", email = VendorEmail },
                new { party = "vendor", webhook = new { url = _vendorHook.Url.AbsoluteUri, secret = _vendorHook.Secret } },
            }
            : new object[]
            {
                new { party = "customer", email = CustomerEmail },
                new { party = "vendor", email = VendorEmail },
                new { party = "vendor", webhook = new { url = _vendorHook.Url.AbsoluteUri, secret = _vendorHook.Secret } },
            },
    };
}
