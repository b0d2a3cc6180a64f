using System.Net;
using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Core.Audit;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// A push checks its ingest key against the system as this host read it in the last <see cref="RecentSystems.Lifetime"/>:
/// a key rotated or a system retired through this host is refused at once; changed by another process (here written
/// straight to storage, past this host's registry), the old key works for at most that long, then is refused. Other
/// routes read the system every time.
/// </summary>
public sealed class PushKeyRevocationJourneyTests : IAsyncLifetime
{
    private const string SystemId = "push-revoke";
    private ApiTestHost _host = null!;
    private string _vendor = null!;
    private string _ingestKey = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        _ingestKey = (await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendor,
            SystemBodies.Registration(SystemId, "contoso-ml", "acme", _host.Time.GetUtcNow().AddDays(-30)), 201)).GetProperty("ingestKey").GetString()!;
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task RotatedThroughThisHost_TheOldKeyIsRefusedAtOnce_TheNewOneIsAccepted()
    {
        await PushAsync(_ingestKey, "b-1", HttpStatusCode.Accepted);

        var rotated = await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/ingest-key", _vendor, expectedStatus: 201);

        await PushAsync(_ingestKey, "b-2", HttpStatusCode.Unauthorized);
        await PushAsync(rotated.GetProperty("ingestKey").GetString()!, "b-2", HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task RetiredThroughThisHost_PushesAreRefusedAtOnce()
    {
        await PushAsync(_ingestKey, "b-1", HttpStatusCode.Accepted);

        using (var retire = await _host.SendAsync(HttpMethod.Delete, $"/api/systems/{SystemId}", _vendor))
        {
            Assert.Equal(HttpStatusCode.NoContent, retire.StatusCode);
        }

        await PushAsync(_ingestKey, "b-2", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RotatedByAnotherProcess_TheOldKeyPushesForAtMostTheLifetime_ThenIsRefused()
    {
        await PushAsync(_ingestKey, "b-1", HttpStatusCode.Accepted);
        var newKey = await RotateInStorageAsync();

        await PushAsync(_ingestKey, "b-2", HttpStatusCode.Accepted);
        await PushAsync(_ingestKey, "b-3", HttpStatusCode.NotFound, systemId: "someone-elses");

        _host.Time.Advance(RecentSystems.Lifetime);

        await PushAsync(_ingestKey, "b-4", HttpStatusCode.Unauthorized);
        await PushAsync(newKey, "b-4", HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task RotatedByAnotherProcess_TheNewKeyPushesAtOnce_AndOtherRoutesRefuseTheOldKeyAtOnce()
    {
        await PushAsync(_ingestKey, "b-1", HttpStatusCode.Accepted);
        var newKey = await RotateInStorageAsync();

        await HeartbeatAsync(_ingestKey, HttpStatusCode.Unauthorized);
        await PushAsync(newKey, "b-2", HttpStatusCode.Accepted);
        // Both read the system again: this host's copy is the rotated one now.
        await PushAsync(_ingestKey, "b-3", HttpStatusCode.Unauthorized);
    }

    /// <summary>What another process's rotation leaves in storage: the system row with a new key's hash, unknown to this host.</summary>
    private async Task<string> RotateInStorageAsync()
    {
        var store = _host.Services.GetRequiredService<ISystemStore>();
        var system = (await store.GetAsync(SystemId))!.System;
        var key = ApiKeyFormat.NewIngestKey(SystemId);
        await store.UpdateAsync(system with { IngestKeyHash = ApiKeyFormat.Hash(key) }, new AuditEntry("elsewhere-1", SystemId, _host.Time.GetUtcNow(), "admin", "system.ingest-key-rotated"));
        return key;
    }

    private async Task PushAsync(string key, string batchId, HttpStatusCode expected, string systemId = SystemId)
    {
        using var response = await _host.SendAsync(HttpMethod.Post, $"/api/systems/{systemId}/telemetry?batchId={batchId}", key, new[] { new { age = 41, plan = "pro" } });
        Assert.True(response.StatusCode == expected, $"{batchId}: expected {expected}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task HeartbeatAsync(string key, HttpStatusCode expected)
    {
        using var response = await _host.SendAsync(HttpMethod.Post, $"/api/systems/{SystemId}/heartbeats", key, new { status = "ok" });
        Assert.Equal(expected, response.StatusCode);
    }
}
