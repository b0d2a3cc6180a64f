using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GapMonitor.Cli.Serve;
using GapMonitor.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Browser.Tests;

/// <summary>
/// The standalone host on a loopback port, on Azurite, with a real SMTP server; timers off. Its clock starts at the
/// real time and moves only while the data is seeded (to close a drift window and let a heartbeat lapse), before any
/// browser connects: session cookies carry Max-Age, never a server time, so the browser never sees this clock.
/// </summary>
public sealed class ConsoleHost : IAsyncDisposable
{
    public const string AdminKey = "browser-admin-key-0123456789abcdef-01";

    private readonly WebApplication _app;
    private readonly TestSmtpServer _smtp;
    private readonly string _dataDirectory;
    private readonly string _tablePrefix;

    private ConsoleHost(WebApplication app, FakeTimeProvider time, TestSmtpServer smtp, string dataDirectory, string tablePrefix)
    {
        _app = app;
        _smtp = smtp;
        _dataDirectory = dataDirectory;
        _tablePrefix = tablePrefix;
        Time = time;
        BaseAddress = new Uri(app.Urls.First());
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public FakeTimeProvider Time { get; }

    /// <summary>Where the host's email goes: the action links of the seed's alerts are in these messages.</summary>
    public TestSmtpServer Smtp => _smtp;

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public static async Task<ConsoleHost> StartAsync()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var smtp = await TestSmtpServer.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "gapmonitor-browser-" + Guid.NewGuid().ToString("N"));
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
                ["GapMonitor:Email:Smtp:Host"] = smtp.Host,
                ["GapMonitor:Email:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["GapMonitor:Email:Smtp:SecureSocket"] = "None",
                ["GapMonitor:Email:Smtp:From"] = "gapmonitor@test.example",
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

        return new ConsoleHost(app, time, smtp, data, prefix);
    }

    public async Task<JsonElement> JsonAsync(HttpMethod method, string path, string? key, object? body = null, int expectedStatus = 200)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        request.Content = body switch
        {
            null => null,
            string raw => new StringContent(raw, Encoding.UTF8, "application/json"),
            _ => JsonContent.Create(body),
        };
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"{method} {path}: expected {expectedStatus}, got {(int)response.StatusCode}: {text}");
        return string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<int> PutCsvAsync(string path, string key, string csv)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await Client.SendAsync(request);
        return (int)response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
        await AzuriteFixture.DeleteStorageAsync(_tablePrefix);
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
