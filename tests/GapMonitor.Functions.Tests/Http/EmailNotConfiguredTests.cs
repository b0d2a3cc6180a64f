using System.Text.Json.Nodes;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Functions.Http;
using GapMonitor.Functions.Tests.Support;
using GapMonitor.Infrastructure.Email;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Functions.Tests.Http;

/// <summary>In Azure, no SMTP host means alerts reach nobody: the Functions app must say so, not write .eml files to /tmp.</summary>
public sealed class EmailNotConfiguredTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "gapmonitor-functions-tests", Guid.NewGuid().ToString("N"));
    private readonly string _tablePrefix = AzuriteFixture.NewTablePrefix();
    private readonly CapturingLoggerProvider _logs = new();
    private ServiceProvider _provider = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GapMonitor:AdminApiKey"] = FunctionServices.AdminKey,
            ["GapMonitor:Storage:ConnectionString"] = await AzuriteFixture.ConnectionStringAsync(),
            ["GapMonitor:Storage:TablePrefix"] = _tablePrefix,
        }).Build();
        var services = new ServiceCollection().AddLogging(logging => logging.AddProvider(_logs)).AddSingleton<IConfiguration>(configuration);
        services.AddGapMonitorFunctions(configuration, _dataDirectory);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await _provider.GetRequiredService<StorageTables>().EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        await AzuriteFixture.DeleteStorageAsync(_tablePrefix);
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Health_WithoutSmtpHost_Answers503NamingEmail()
    {
        var http = new DefaultHttpContext { RequestServices = _provider };
        http.Request.Method = "GET";
        http.Response.Body = new MemoryStream();

        var result = await ActivatorUtilities.CreateInstance<Health>(_provider).RunAsync(http.Request, CancellationToken.None);
        await result.ExecuteAsync(http);

        Assert.Equal(503, http.Response.StatusCode);
        http.Response.Body.Position = 0;
        var body = JsonNode.Parse(http.Response.Body)!;
        Assert.Equal("degraded", body["status"]!.GetValue<string>());
        Assert.Equal("reachable", body["storage"]!.GetValue<string>());
        Assert.Equal("not-configured", body["email"]!.GetValue<string>());
        Assert.Contains("GapMonitor__Email__Smtp__Host", body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_WithoutSmtpHost_LogsAnErrorNamingTheSetting()
    {
        foreach (var service in _provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        Assert.Contains(_logs.Entries, e => e.Level >= LogLevel.Error && e.Message.Contains("GapMonitor__Email__Smtp__Host", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmailSender_WithoutSmtpHost_FailsForRetryAndWritesNoFile()
    {
        var email = Assert.Single(_provider.GetServices<INotificationSender>(), s => s.Channel == NotificationChannel.Email);
        var alert = new AlertSnapshot("acme-churn.1", "monitoring-silent", "open", "acme-churn", DateTimeOffset.UnixEpoch, "No heartbeat.", Owner: "customer");
        var envelope = new NotificationEnvelope(NotificationTypes.Opened, DateTimeOffset.UnixEpoch, new NotificationData(alert, new SystemSnapshot("acme-churn", "Churn", "contoso", "acme")));
        var notification = new Notification
        {
            Id = "n-1",
            SystemId = "acme-churn",
            AlertId = alert.Id,
            Type = NotificationTypes.Opened,
            Party = Party.Customer,
            Channel = NotificationChannel.Email,
            Target = "mlops@acme.example",
            Body = envelope.ToJson(),
            CreatedAt = DateTimeOffset.UnixEpoch,
        };

        var result = await email.SendAsync(new OutboundMessage(notification, envelope, null));

        Assert.False(result.Succeeded);
        Assert.False(result.Permanent);
        Assert.Contains("not configured", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dataDirectory) && Directory.EnumerateFiles(_dataDirectory, "*.eml", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task StandaloneHost_WithoutSmtpHost_KeepsWritingToItsPickupDirectory()
    {
        await using var app = await Standalone.BuildAsync(await AzuriteFixture.ConnectionStringAsync());

        var email = Assert.Single(app.Services.GetServices<INotificationSender>(), s => s.Channel == NotificationChannel.Email);

        Assert.IsType<PickupDirectoryEmailSender>(email);
        Assert.Null(app.Services.GetRequiredService<EmailDeliverySetup>().Problem);
    }
}
