using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Infrastructure.Delivery;
using GapMonitor.Infrastructure.Email;
using GapMonitor.Infrastructure.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GapMonitor.Infrastructure.Tests.Delivery;

public sealed class DeliveryServiceCollectionExtensionsTests
{
    private const string DefaultPickup = "/var/lib/gapmonitor/mail";

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddGapMonitorDelivery(DefaultPickup)
            .BuildServiceProvider();

    [Fact]
    public void AddGapMonitorDelivery_WithoutSmtpHost_RegistersWebhookAndPickupDirectorySenders()
    {
        using var services = Build([]);

        var senders = services.GetServices<INotificationSender>().ToList();

        Assert.Equal([NotificationChannel.Webhook, NotificationChannel.Email], senders.Select(s => s.Channel));
        Assert.IsType<WebhookSender>(senders[0]);
        Assert.Equal(DefaultPickup, Assert.IsType<PickupDirectoryEmailSender>(senders[1]).Directory);
        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddGapMonitorDelivery_WithPickupDirectorySetting_UsesIt()
    {
        using var services = Build(new() { ["GapMonitor:Email:PickupDirectory"] = "/tmp/gapmonitor-mail" });

        var email = services.GetServices<INotificationSender>().Single(s => s.Channel == NotificationChannel.Email);

        Assert.Equal("/tmp/gapmonitor-mail", Assert.IsType<PickupDirectoryEmailSender>(email).Directory);
    }

    [Fact]
    public void AddGapMonitorDelivery_WithSmtpHost_RegistersOnlyTheSmtpEmailSender()
    {
        using var services = Build(new()
        {
            ["GapMonitor:Email:Smtp:Host"] = "smtp.example.com",
            ["GapMonitor:Email:Smtp:SecureSocket"] = "StartTls",
        });

        var email = Assert.Single(services.GetServices<INotificationSender>(), s => s.Channel == NotificationChannel.Email);

        Assert.IsType<SmtpEmailSender>(email);
        var smtp = services.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp;
        Assert.Equal(587, smtp.Port);
        Assert.Equal("gapmonitor@localhost", smtp.From);
        Assert.Equal(SmtpSecureSocket.StartTls, smtp.SecureSocket);
    }

    [Fact]
    public void AddGapMonitorDelivery_BindsAllowPrivateNetworksDefaultingToFalse()
    {
        using var defaults = Build([]);
        using var allowed = Build(new() { ["GapMonitor:Webhooks:AllowPrivateNetworks"] = "true" });

        Assert.False(defaults.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks);
        Assert.True(allowed.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks);
    }

    [Theory]
    [InlineData("GapMonitor:Email:Smtp:Port", "0")]
    [InlineData("GapMonitor:Email:Smtp:Port", "70000")]
    [InlineData("GapMonitor:Email:Smtp:From", "not an address <")]
    [InlineData("GapMonitor:Email:Smtp:UserName", "user-without-password")]
    public void AddGapMonitorDelivery_WhenEmailSettingsAreInvalid_FailsValidation(string key, string value)
    {
        using var services = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EmailOptions>>().Value);

        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddGapMonitorDelivery_WhenCredentialsAreSetWithoutTls_FailsValidationNamingSecureSocket()
    {
        using var services = Build(new()
        {
            ["GapMonitor:Email:Smtp:Host"] = "smtp.example.com",
            ["GapMonitor:Email:Smtp:UserName"] = "gapmonitor",
            ["GapMonitor:Email:Smtp:Password"] = "s3cret",
            ["GapMonitor:Email:Smtp:SecureSocket"] = "None",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EmailOptions>>().Value);

        Assert.Contains("SecureSocket", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }
}
