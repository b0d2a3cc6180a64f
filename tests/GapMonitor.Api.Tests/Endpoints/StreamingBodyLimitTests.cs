using GapMonitor.Api.Tests.Hosting;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// The body limit is enforced while the body streams in, by the shared handler code: this host runs without Kestrel's own
/// limit, as the Functions host does, and a body over the limit gets 413 before it ends (nothing buffers it whole).
/// </summary>
public sealed class StreamingBodyLimitTests : IAsyncLifetime
{
    private const long Limit = 64 * 1024;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private ApiTestHost _host = null!;
    private string _vendor = null!;
    private string _ingest = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync(maxRequestBytes: Limit, hostBodyLimit: false);
        _vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        _ingest = (await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendor, SystemBodies.Registration("stream-sys", "contoso-ml", "acme", _host.Time.GetUtcNow()), 201))
            .GetProperty("ingestKey").GetString()!;
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Theory]
    [InlineData("POST", "/api/systems/stream-sys/telemetry", "ingest", null)]
    [InlineData("POST", "/api/systems/stream-sys/heartbeats", "ingest", null)]
    [InlineData("POST", "/api/systems/stream-sys/metrics", "ingest", null)]
    [InlineData("POST", "/api/systems", "vendor", null)]
    [InlineData("POST", "/api/systems", "vendor", "Idempotency-Key: stream-1")]
    [InlineData("POST", "/api/systems/stream-sys/telemetry", "ingest", "Idempotency-Key: stream-2")]
    public async Task BodyOverTheLimit_Gets413BeforeItEnds(string method, string path, string who, string? header)
    {
        var status = await StalledUpload.SendAsync(_host.BaseAddress, method, path, who == "ingest" ? _ingest : _vendor, 4 * Limit, Patience, header);
        Assert.Equal(413, status);
    }
}
