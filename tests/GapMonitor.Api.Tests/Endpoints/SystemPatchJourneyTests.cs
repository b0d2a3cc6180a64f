using System.Net;
using System.Text;
using System.Text.Json;
using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// <c>PATCH /api/systems/{id}</c> over the real loopback host on Azurite: a customer edits its own contacts without the
/// vendor (whose contacts stay as they are), an unchanged webhook keeps its secret, and the patch is guarded and checked
/// exactly like a <c>PUT</c>.
/// </summary>
public sealed class SystemPatchJourneyTests : IAsyncLifetime
{
    private const string Id = "patch-sys";
    private static readonly Uri CustomerHook = new("http://127.0.0.1:9/acme-hook?token=t1");
    private static readonly Uri VendorHook = new("http://127.0.0.1:9/contoso-hook");
    private static readonly string CustomerSecret = "whsec_" + Convert.ToBase64String(Enumerable.Repeat((byte)7, 24).ToArray());
    private static readonly string VendorSecret = "whsec_" + Convert.ToBase64String(Enumerable.Repeat((byte)9, 24).ToArray());

    private ApiTestHost _host = null!;
    private string _vendor = null!;
    private string _customer = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        _customer = await _host.CreateKeyAsync("customer", customer: "acme");
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendor,
            SystemBodies.Registration(Id, "contoso-ml", "acme", _host.Time.GetUtcNow().AddDays(-30), CustomerHook, CustomerSecret, VendorHook, VendorSecret), 201);
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task Customer_PatchesItsContacts_VendorContactsStayAndTheUnchangedWebhookKeepsItsSecret()
    {
        var vendorContactsBefore = (await StoredAsync()).ContactsOf(Party.Vendor).ToList();
        var etag = await ETagAsync();
        var patch = $$$"""{"contacts":[{"party":"customer","email":"oncall@acme.example"},{"party":"customer","webhook":{"url":"{{{CustomerHook.AbsoluteUri}}}"}}]}""";

        using var response = await PatchAsync(_customer, patch, etag);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.NotEqual(etag, response.Headers.GetValues("ETag").Single());
        var stored = await StoredAsync();
        Assert.Equal(vendorContactsBefore, stored.ContactsOf(Party.Vendor).ToList());
        var customerContacts = stored.ContactsOf(Party.Customer).ToList();
        Assert.Equal(2, customerContacts.Count);
        Assert.Equal("oncall@acme.example", customerContacts[0].Email);
        Assert.Equal((CustomerHook, CustomerSecret), (customerContacts[1].Webhook!.Url, customerContacts[1].Webhook!.Secret));
        Assert.DoesNotContain(CustomerSecret, text, StringComparison.Ordinal);
        var audit = await _host.JsonAsync(HttpMethod.Get, $"/api/systems/{Id}/audit", _vendor);
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "system.updated" && e.GetProperty("actor").GetString() == "customer:acme");
    }

    [Fact]
    public async Task Customer_PatchThatNamesNoContacts_KeepsEveryContact()
    {
        var before = await StoredAsync();

        using var response = await PatchAsync(_customer, "{}", await ETagAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before.Contacts, (await StoredAsync()).Contacts);
    }

    [Fact]
    public async Task Customer_AddingAWebhookWithoutASecret_Is400NamingTheSecret()
    {
        using var response = await PatchAsync(_customer, """{"contacts":[{"party":"customer","webhook":{"url":"http://127.0.0.1:9/new-hook"}}]}""", await ETagAsync());

        await AssertProblemNamesAsync(response, HttpStatusCode.BadRequest, "contacts[0].webhook.secret");
    }

    [Theory]
    [InlineData("""{"name":"Renamed by the customer"}""", "name")]
    [InlineData("""{"contacts":[{"party":"customer","email":"a@acme.example"},{"party":"vendor","email":"x@acme.example"}]}""", "contacts[1].party")]
    [InlineData("""{"contacts":[],"monitoring":{"heartbeatPeriod":"PT1M"}}""", "monitoring")]
    public async Task Customer_ChangingAnythingButItsOwnContacts_Is403NamingTheFieldAndChangesNothing(string patch, string field)
    {
        var before = await StoredAsync();

        using var response = await PatchAsync(_customer, patch, await ETagAsync());

        await AssertProblemNamesAsync(response, HttpStatusCode.Forbidden, field);
        Assert.Equal(before.ETag, (await StoredAsync()).ETag);
    }

    [Fact]
    public async Task Patch_WithoutIfMatch_Is428()
    {
        using var response = await PatchAsync(_customer, """{"contacts":[]}""", etag: null);

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Patch_WithAStaleETag_Is412AndChangesNothing()
    {
        var stale = await ETagAsync();
        using (var first = await PatchAsync(_vendor, """{"name":"First"}""", stale))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var second = await PatchAsync(_vendor, """{"name":"Second"}""", stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        Assert.Equal("First", (await StoredAsync()).Name);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json-patch+json")]
    public async Task Patch_InAnotherContentType_Is415(string contentType)
    {
        using var response = await PatchAsync(_vendor, """{"name":"Renamed"}""", await ETagAsync(), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Vendor_PatchesOneNestedField_KeepsEveryOtherField()
    {
        var before = await StoredAsync();

        using var response = await PatchAsync(_vendor, """{"name":"Churn v2","monitoring":{"heartbeatPeriod":"PT10M"}}""", await ETagAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await StoredAsync();
        Assert.Equal("Churn v2", after.Name);
        Assert.Equal(new MonitoringSettings(TimeSpan.FromMinutes(10), before.Monitoring.HeartbeatGrace), after.Monitoring);
        Assert.Equal(before.Contacts, after.Contacts);
        Assert.Equal((before.HandoverAt, before.VendorGracePeriod, before.AcknowledgeWithin, before.Model, before.IngestKeyHash), (after.HandoverAt, after.VendorGracePeriod, after.AcknowledgeWithin, after.Model, after.IngestKeyHash));
    }

    [Fact]
    public async Task Vendor_PatchingTelemetryToNull_RemovesIt()
    {
        using (var added = await PatchAsync(_vendor, """{"telemetry":{"driftWindow":"PT2H"}}""", await ETagAsync()))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }

        Assert.Equal(TimeSpan.FromHours(2), (await StoredAsync()).Telemetry?.DriftWindow);

        using var removed = await PatchAsync(_vendor, """{"telemetry":null}""", await ETagAsync());

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Null((await StoredAsync()).Telemetry);
    }

    [Theory]
    [InlineData("""{"acknowledgeWithin":"soon"}""", "acknowledgeWithin")]
    [InlineData("""{"customer":"globex"}""", "customer")]
    [InlineData("""{"name":null}""", "name")]
    public async Task Vendor_PatchThatMakesAnInvalidSystem_Is400NamingTheField(string patch, string field)
    {
        using var response = await PatchAsync(_vendor, patch, await ETagAsync());

        await AssertProblemNamesAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("""{"name":"a","name":"b"}""")]
    [InlineData("""{"monitoring":{"heartbeatPeriod":"PT1M","heartbeatPeriod":"PT2M"}}""")]
    public async Task Patch_NamingAMemberTwice_Is400AndChangesNothing(string patch)
    {
        var before = await StoredAsync();

        using var response = await PatchAsync(_vendor, patch, await ETagAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before.ETag, (await StoredAsync()).ETag);
    }

    [Fact]
    public async Task Vendor_PatchesItsContacts_CustomerContactsStayWithTheirSecrets()
    {
        var customerContactsBefore = (await StoredAsync()).ContactsOf(Party.Customer).ToList();

        using var response = await PatchAsync(_vendor, """{"contacts":[{"party":"vendor","email":"support@contoso.example"}]}""", await ETagAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await StoredAsync();
        Assert.Equal(customerContactsBefore, stored.ContactsOf(Party.Customer).ToList());
        Assert.Equal("support@contoso.example", Assert.Single(stored.ContactsOf(Party.Vendor)).Email);
    }

    [Fact]
    public async Task Vendor_PatchingACustomerContact_Is403NamingItsPartyAndChangesNothing()
    {
        var before = await StoredAsync();

        using var response = await PatchAsync(_vendor, """{"contacts":[{"party":"vendor","email":"support@contoso.example"},{"party":"customer","email":"x@acme.example"}]}""", await ETagAsync());

        await AssertProblemNamesAsync(response, HttpStatusCode.Forbidden, "contacts[1].party");
        Assert.Equal(before.Contacts, (await StoredAsync()).Contacts);
    }

    [Theory]
    [InlineData("""{"Telemetry":{"driftWindow":"P2D"}}""", "Telemetry")]
    [InlineData("""{"Name":"x"}""", "Name")]
    [InlineData("""{"nickname":"x"}""", "nickname")]
    public async Task Patch_NamingAMemberTheBodyDoesNotHave_Is400NamingItAndChangesNothing(string patch, string member)
    {
        var before = await StoredAsync();

        using var response = await PatchAsync(_vendor, patch, await ETagAsync());

        await AssertProblemNamesAsync(response, HttpStatusCode.BadRequest, member);
        Assert.Equal(before.Telemetry, (await StoredAsync()).Telemetry);
        Assert.Equal(before.Name, (await StoredAsync()).Name);
    }

    [Fact]
    public async Task AnotherVendor_Patching_IsNotFound()
    {
        var other = await _host.CreateKeyAsync("vendor", vendor: "fabrikam-ai");

        using var response = await PatchAsync(other, """{"name":"Mine now"}""", "*");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Put_WithAnUnchangedWebhookWithoutItsSecret_KeepsTheStoredSecret()
    {
        var body = JsonBodies.Merge(
            SystemBodies.Registration(Id, "contoso-ml", "acme", _host.Time.GetUtcNow().AddDays(-30)),
            $$$"""{"contacts":[{"party":"customer","webhook":{"url":"{{{CustomerHook.AbsoluteUri}}}"}},{"party":"vendor","email":"support@contoso.example"}]}""");
        var etag = await ETagAsync();

        using var response = await _host.SendAsync(HttpMethod.Put, $"/api/systems/{Id}", _vendor, body, r => r.Headers.TryAddWithoutValidation("If-Match", etag));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CustomerSecret, (await StoredAsync()).ContactsOf(Party.Customer).Single().Webhook!.Secret);
    }

    private async Task<string> ETagAsync()
    {
        using var read = await _host.SendAsync(HttpMethod.Get, $"/api/systems/{Id}", ApiTestHost.AdminKey);
        return read.Headers.GetValues("ETag").Single();
    }

    private async Task<MonitoredSystem> StoredAsync() => (await _host.Services.GetRequiredService<ISystemStore>().GetAsync(Id))!.System;

    private Task<HttpResponseMessage> PatchAsync(string key, string patch, string? etag, string contentType = "application/merge-patch+json") =>
        _host.SendAsync(HttpMethod.Patch, $"/api/systems/{Id}", key, configure: r =>
        {
            r.Content = new StringContent(patch, Encoding.UTF8);
            r.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            if (etag is not null)
            {
                r.Headers.TryAddWithoutValidation("If-Match", etag);
            }
        });

    private static async Task AssertProblemNamesAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), text);
    }
}
