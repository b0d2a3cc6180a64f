using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GapMonitor.Cli.Serve;
using GapMonitor.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Cli.Tests.Ops;

/// <summary>The standalone host on a real loopback port and Azurite, with a fake clock and no timers, for the ops commands to talk to.</summary>
internal sealed class OpsApiHost : IAsyncDisposable
{
    public const string AdminKey = "ops-admin-key-0123456789abcdef-0123";

    private readonly WebApplication _app;
    private readonly HttpClient _client;
    private readonly string _dataDirectory;
    private readonly string _tablePrefix;

    private OpsApiHost(WebApplication app, FakeTimeProvider time, string dataDirectory, string tablePrefix)
    {
        _app = app;
        Time = time;
        _dataDirectory = dataDirectory;
        _tablePrefix = tablePrefix;
        Url = new Uri(app.Urls.First());
        _client = new HttpClient { BaseAddress = Url };
    }

    public FakeTimeProvider Time { get; }

    public Uri Url { get; }

    public static async Task<OpsApiHost> StartAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        var data = Path.Combine(Path.GetTempPath(), "gapmonitor-ops-" + Guid.NewGuid().ToString("N"));
        var prefix = AzuriteFixture.NewTablePrefix();
        var settings = new StandaloneHostSettings(RepositoryRoot.Path, data)
        {
            Urls = "http://127.0.0.1:0",
            StartLocalStorage = false,
            RunSchedules = false,
            ConfigureServices = services => services.AddSingleton<TimeProvider>(time),
            Overrides =
            {
                ["GapMonitor:Storage:ConnectionString"] = await AzuriteFixture.ConnectionStringAsync(),
                ["GapMonitor:Storage:TablePrefix"] = prefix,
                ["GapMonitor:AdminApiKey"] = AdminKey,
                ["Logging:LogLevel:Default"] = "Warning",
            },
        };
        var app = await StandaloneHost.BuildAsync([], settings);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new OpsApiHost(app, time, data, prefix);
    }

    public async Task<JsonElement> JsonAsync(HttpMethod method, string path, string key, object? body = null, int expectedStatus = 200)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"{method} {path}: expected {expectedStatus}, got {(int)response.StatusCode}: {text}");
        return string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<string> CreateKeyAsync(string role, string? vendor = null, string? customer = null) =>
        (await JsonAsync(HttpMethod.Post, "/api/keys", AdminKey, new { role, vendor, customer }, 201)).GetProperty("key").GetString()!;

    /// <summary>Registers a system handed over 30 days ago (the customer owns operations), heartbeat every 5 minutes, 2 minutes grace.</summary>
    public Task RegisterAsync(string vendorKey, string id, string vendor, string customer) =>
        JsonAsync(HttpMethod.Post, "/api/systems", vendorKey, new
        {
            id,
            name = $"Model {id}",
            vendor,
            customer,
            handoverAt = Time.GetUtcNow().AddDays(-30),
            vendorGracePeriod = "P14D",
            monitoring = new { heartbeatPeriod = "PT5M", heartbeatGrace = "PT2M" },
            acknowledgeWithin = "PT4H",
            contacts = new object[] { new { party = "customer", email = $"mlops@{customer}.example" }, new { party = "vendor", email = $"support@{vendor}.example" } },
        }, 201);

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await AzuriteFixture.DeleteStorageAsync(_tablePrefix);
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
