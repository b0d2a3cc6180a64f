using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using GapMonitor.Cli.Serve;
using GapMonitor.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Api.Tests.Hosting;

/// <summary>
/// The standalone host on a real loopback port, on Azurite, with a fake clock, a real SMTP server and real webhook receivers.
/// Timers are off: tests drive sweeps through <c>POST /api/sweep</c>.
/// </summary>
public sealed class ApiTestHost : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key-0123456789abcdef-0123";

    private readonly WebApplication _app;

    private ApiTestHost(WebApplication app, FakeTimeProvider time, TestSmtpServer smtp, string dataDirectory, string storageConnection, string tablePrefix)
    {
        _app = app;
        StorageConnection = storageConnection;
        TablePrefix = tablePrefix;
        Time = time;
        Smtp = smtp;
        DataDirectory = dataDirectory;
        BaseAddress = new Uri(app.Urls.First());
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public FakeTimeProvider Time { get; }

    public TestSmtpServer Smtp { get; }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <summary>The Azurite this host stores in, and the prefix of its tables, for tests that look at or damage stored rows.</summary>
    public string StorageConnection { get; }

    public string TablePrefix { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="hostBodyLimit">False runs Kestrel without its own body limit, as the Functions host has none: only the handlers' limit applies.</param>
    public static async Task<ApiTestHost> StartAsync(long maxRequestBytes = 1024 * 1024, Action<IServiceCollection>? configureServices = null, bool hostBodyLimit = true, string adminKey = AdminKey)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        var smtp = await TestSmtpServer.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "gapmonitor-api-" + Guid.NewGuid().ToString("N"));
        var connection = await AzuriteFixture.ConnectionStringAsync();
        var prefix = AzuriteFixture.NewTablePrefix();
        var settings = new StandaloneHostSettings(RepositoryRoot.Path, data)
        {
            Urls = "http://127.0.0.1:0",
            StartLocalStorage = false,
            RunSchedules = false,
            ConfigureServices = services =>
            {
                services.AddSingleton<TimeProvider>(time);
                if (!hostBodyLimit)
                {
                    services.PostConfigure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = null);
                }

                configureServices?.Invoke(services);
            },
            Overrides =
            {
                ["GapMonitor:Storage:ConnectionString"] = connection,
                ["GapMonitor:Storage:TablePrefix"] = prefix,
                ["GapMonitor:AdminApiKey"] = adminKey,
                ["GapMonitor:Webhooks:AllowPrivateNetworks"] = "true",
                ["GapMonitor:Email:Smtp:Host"] = smtp.Host,
                ["GapMonitor:Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["GapMonitor:Email:Smtp:SecureSocket"] = "None",
                ["GapMonitor:Email:Smtp:From"] = "gapmonitor@test.example",
                ["GapMonitor:MaxRequestBytes"] = maxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
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
            await smtp.DisposeAsync();
            throw;
        }

        return new ApiTestHost(app, time, smtp, data, connection, prefix);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, object? body = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (body is string raw)
        {
            request.Content = new StringContent(raw, System.Text.Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        configure?.Invoke(request);
        return await Client.SendAsync(request);
    }

    public async Task<JsonElement> JsonAsync(HttpMethod method, string path, string? key, object? body = null, int expectedStatus = 200)
    {
        using var response = await SendAsync(method, path, key, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"{method} {path}: expected {expectedStatus}, got {(int)response.StatusCode}: {text}");
        return string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<string> CreateKeyAsync(string role, string? vendor = null, string? customer = null) =>
        (await JsonAsync(HttpMethod.Post, "/api/keys", AdminKey, new { role, vendor, customer }, 201)).GetProperty("key").GetString()!;

    /// <summary>The routes (method + path template) this host serves, from its route table.</summary>
    public IReadOnlyList<(string Method, string Path)> Routes()
    {
        using var described = JsonDocument.Parse(StandaloneHost.DescribeRoutes(_app));
        return [.. described.RootElement.GetProperty("routes").EnumerateArray().Select(r => (r.GetProperty("method").GetString()!, r.GetProperty("path").GetString()!))];
    }

    /// <summary>One of this host's tables (e.g. <c>systems</c>), straight on Azurite.</summary>
    public TableClient Table(string name) => new(StorageConnection, TablePrefix + name);

    public Task<JsonElement> SweepAsync() => JsonAsync(HttpMethod.Post, "/api/sweep", AdminKey);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Smtp.DisposeAsync();
        await AzuriteFixture.DeleteStorageAsync(TablePrefix);
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
