using System.Net;
using System.Text;
using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// A system's ETag over the real loopback host on Azurite covers its configuration only: heartbeats and sweeps leave it
/// as it is, so an edit read before them still succeeds, while an edit read before another edit is 412.
/// </summary>
public sealed class SystemConfigETagJourneyTests : IAsyncLifetime
{
    private const string Id = "etag-sys";
    private ApiTestHost _host = null!;
    private string _vendor = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task HeartbeatsAndSweeps_KeepTheETag_SoEditsReadBeforeThemSucceed_AndAnEditMakesTheOldETagStale()
    {
        using var registration = await _host.SendAsync(HttpMethod.Post, "/api/systems", _vendor, Registration("Original"));
        Assert.Equal(HttpStatusCode.Created, registration.StatusCode);
        var registered = registration.Headers.GetValues("ETag").Single();
        var ingestKey = System.Text.Json.JsonDocument.Parse(await registration.Content.ReadAsStringAsync()).RootElement.GetProperty("ingestKey").GetString()!;
        var read = await ETagAsync();
        var rowBefore = (await StoredAsync()).ETag;

        await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{Id}/heartbeats", ingestKey, new { status = "ok" }, 202);
        _host.Time.Advance(TimeSpan.FromMinutes(8));
        Assert.Equal(1, (await _host.SweepAsync()).GetProperty("alertsOpened").GetInt32());

        Assert.Equal(registered, read);
        Assert.NotEqual(rowBefore, (await StoredAsync()).ETag);
        Assert.Equal(read, await ETagAsync());

        using var patched = await PatchAsync("""{"name":"Patched"}""", read);
        Assert.True(patched.StatusCode == HttpStatusCode.OK, await patched.Content.ReadAsStringAsync());
        var afterPatch = patched.Headers.GetValues("ETag").Single();
        Assert.NotEqual(read, afterPatch);
        Assert.Equal(afterPatch, await ETagAsync());

        await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{Id}/heartbeats", ingestKey, new { status = "ok" }, 202);
        var heartbeatAt = _host.Time.GetUtcNow();
        await _host.SweepAsync();
        Assert.Equal(afterPatch, await ETagAsync());

        using var put = await PutAsync(Registration("Put"), afterPatch);
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var afterPut = put.Headers.GetValues("ETag").Single();
        Assert.NotEqual(afterPatch, afterPut);
        Assert.Equal(afterPut, await ETagAsync());

        using var stalePut = await PutAsync(Registration("Stale put"), afterPatch);
        using var stalePatch = await PatchAsync("""{"name":"Stale patch"}""", read);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stalePut.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stalePatch.StatusCode);
        var stored = await StoredAsync();
        Assert.Equal(("Put", heartbeatAt, HeartbeatStatus.Ok), (stored.Name, stored.Signals.LastHeartbeatAt, stored.Signals.LastHeartbeatStatus));
    }

    private object Registration(string name) =>
        JsonBodies.Merge(SystemBodies.Registration(Id, "contoso-ml", "acme", _host.Time.GetUtcNow().AddDays(-30)), $$"""{"name":"{{name}}"}""");

    private async Task<string> ETagAsync()
    {
        using var read = await _host.SendAsync(HttpMethod.Get, $"/api/systems/{Id}", _vendor);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        return read.Headers.GetValues("ETag").Single();
    }

    private async Task<MonitoredSystem> StoredAsync() => (await _host.Services.GetRequiredService<ISystemStore>().GetAsync(Id))!.System;

    private Task<HttpResponseMessage> PutAsync(object body, string etag) =>
        _host.SendAsync(HttpMethod.Put, $"/api/systems/{Id}", _vendor, body, r => r.Headers.TryAddWithoutValidation("If-Match", etag));

    private Task<HttpResponseMessage> PatchAsync(string patch, string etag) =>
        _host.SendAsync(HttpMethod.Patch, $"/api/systems/{Id}", _vendor, configure: r =>
        {
            r.Content = new StringContent(patch, Encoding.UTF8);
            r.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/merge-patch+json");
            r.Headers.TryAddWithoutValidation("If-Match", etag);
        });
}
