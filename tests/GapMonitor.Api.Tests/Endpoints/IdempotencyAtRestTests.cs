using System.Net;
using GapMonitor.Api.Tests.Hosting;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// Idempotent replays keep working, but what they store never shows a key in clear (it is sealed with the request's
/// Idempotency-Key), and a response too large for one table entity is still stored and replayed.
/// </summary>
public sealed class IdempotencyAtRestTests : IAsyncLifetime
{
    private ApiTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiTestHost.StartAsync();

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task NewKeys_ReturnedThroughIdempotentRequests_AreNowhereInStorage_AndReplaysStillReturnThem()
    {
        var (roleKey, roleReplay) = await TwiceAsync("/api/keys", ApiTestHost.AdminKey, new { role = "vendor", vendor = "contoso-ml" }, "create-vendor-key");
        var roleKeyValue = roleKey.RootElement.GetProperty("key").GetString()!;
        Assert.Equal(roleKeyValue, roleReplay.RootElement.GetProperty("key").GetString());

        var (adminKey, _) = await TwiceAsync("/api/keys", ApiTestHost.AdminKey, new { role = "admin" }, "create-admin-key");
        var adminKeyValue = adminKey.RootElement.GetProperty("key").GetString()!;

        var (system, systemReplay) = await TwiceAsync("/api/systems", roleKeyValue, SystemBodies.Registration("idem-keys", "contoso-ml", "acme", _host.Time.GetUtcNow()), "register-1");
        var ingestKey = system.RootElement.GetProperty("ingestKey").GetString()!;
        Assert.Equal(ingestKey, systemReplay.RootElement.GetProperty("ingestKey").GetString());

        var stored = await StoredText.AllTablesAsync(_host);
        Assert.Contains("idem-keys", stored, StringComparison.Ordinal);
        foreach (var key in new[] { roleKeyValue, adminKeyValue, ingestKey })
        {
            Assert.DoesNotContain(key[^64..], stored, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("register-1", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_WithAnotherCallersKey_DoesNotSeeTheFirstResponse()
    {
        var other = await _host.CreateKeyAsync("admin");
        var (first, _) = await TwiceAsync("/api/keys", ApiTestHost.AdminKey, new { role = "customer", customer = "acme" }, "shared-key");
        using var response = await _host.SendAsync(HttpMethod.Post, "/api/keys", other, new { role = "customer", customer = "acme" }, r => r.Headers.Add("Idempotency-Key", "shared-key"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(response.Headers.Contains("Idempotent-Replayed"));
        Assert.DoesNotContain(first.RootElement.GetProperty("key").GetString()!, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_WhoseContactsCannotBeStored_Returns400NamingContacts_AndWritesNothing()
    {
        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var contacts = Enumerable.Range(0, 20).Select(i => new
        {
            party = "vendor",
            webhook = new { url = $"http://127.0.0.1:9/hook-{i}?" + string.Concat(Enumerable.Repeat("a=1&", 450)), secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" },
        }).ToArray();
        var body = JsonBodies.Merge(SystemBodies.Registration("big-contacts", "contoso-ml", "acme", _host.Time.GetUtcNow()),
            System.Text.Json.JsonSerializer.Serialize(new { contacts }));

        using var response = await _host.SendAsync(HttpMethod.Post, "/api/systems", vendor, body, r => r.Headers.Add("Idempotency-Key", "big-1"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text[..Math.Min(300, text.Length)]}");
        Assert.Contains("\"contacts\"", text, StringComparison.Ordinal);
        await _host.JsonAsync(HttpMethod.Get, "/api/systems/big-contacts", vendor, expectedStatus: 404);
    }

    private async Task<(System.Text.Json.JsonDocument First, System.Text.Json.JsonDocument Replay)> TwiceAsync(string path, string key, object body, string idempotencyKey)
    {
        using var first = await _host.SendAsync(HttpMethod.Post, path, key, body, r => r.Headers.Add("Idempotency-Key", idempotencyKey));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using var replay = await _host.SendAsync(HttpMethod.Post, path, key, body, r => r.Headers.Add("Idempotency-Key", idempotencyKey));
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.True(replay.Headers.Contains("Idempotent-Replayed"));
        return (System.Text.Json.JsonDocument.Parse(await first.Content.ReadAsStringAsync()), System.Text.Json.JsonDocument.Parse(await replay.Content.ReadAsStringAsync()));
    }
}
