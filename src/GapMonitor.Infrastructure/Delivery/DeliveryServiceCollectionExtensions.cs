using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Infrastructure.Email;
using GapMonitor.Infrastructure.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace GapMonitor.Infrastructure.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    private static readonly TimeSpan TotalRequestTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(8);

    /// <summary>
    /// Registers the notification senders: signed webhooks, and email by SMTP when <c>GapMonitor:Email:Smtp:Host</c>
    /// is set or else as <c>.eml</c> files in <c>GapMonitor:Email:PickupDirectory</c> (default <paramref name="defaultPickupDirectory"/>).
    /// </summary>
    public static IServiceCollection AddGapMonitorDelivery(this IServiceCollection services, string defaultPickupDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(defaultPickupDirectory);
        services.TryAddSingleton(TimeProvider.System);
        services.AddWebhookSender();
        services.AddEmailSender();
        services.TryAddSingleton(new DefaultPickupDirectory(defaultPickupDirectory));
        return services;
    }

    /// <summary>
    /// For hosts whose local disk reaches nobody (Azure Functions): without an SMTP host and without an explicit
    /// <c>GapMonitor:Email:PickupDirectory</c>, email is "not configured" — health fails, startup logs it, sends are retried.
    /// </summary>
    public static IServiceCollection WithoutDefaultEmailPickupDirectory(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Replace(ServiceDescriptor.Singleton(new DefaultPickupDirectory(null)));
        return services;
    }

    private static void AddWebhookSender(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<StandardWebhookSigner>();
        services.TryAddSingleton<StandardWebhookVerifier>();
        services.AddHttpClient(WebhookSender.HttpClientName, client => client.DefaultRequestHeaders.UserAgent.ParseAdd("GapMonitor/1.0"))
            .ConfigurePrimaryHttpMessageHandler(sp =>
                GuardedConnector.CreateHandler(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks))
            // The default client logging writes request URLs, and webhook URLs often carry a token in their path.
            .RemoveAllLoggers()
            // No retries here: the outbox retries with durable backoff. No circuit breaker either: this one client
            // serves every receiver, and one broken receiver must not stop delivery to the others.
            .AddResilienceHandler("webhook", pipeline => pipeline
                .AddTimeout(new HttpTimeoutStrategyOptions { Name = "total", Timeout = TotalRequestTimeout })
                .AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = AttemptTimeout }));
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<INotificationSender>(sp => sp.GetRequiredService<WebhookSender>());
    }

    private static void AddEmailSender(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<EmailComposer>();
        services.TryAddSingleton(sp => new EmailDeliverySetup(
            !string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp.Host) ? EmailDeliveryMode.Smtp
            : PickupDirectory(sp) is null ? EmailDeliveryMode.NotConfigured
            : EmailDeliveryMode.PickupDirectory));
        services.AddSingleton<INotificationSender>(sp => sp.GetRequiredService<EmailDeliverySetup>().Mode switch
        {
            EmailDeliveryMode.Smtp => ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp),
            EmailDeliveryMode.PickupDirectory => new PickupDirectoryEmailSender(sp.GetRequiredService<EmailComposer>(), PickupDirectory(sp)!),
            _ => ActivatorUtilities.CreateInstance<UnconfiguredEmailSender>(sp),
        });
        services.AddHostedService<EmailSetupReporter>();
    }

    private static string? PickupDirectory(IServiceProvider sp) =>
        sp.GetRequiredService<IOptions<EmailOptions>>().Value.PickupDirectory is { Length: > 0 } configured
            ? configured
            : sp.GetRequiredService<DefaultPickupDirectory>().Path;

    /// <summary>Where <c>.eml</c> files go when nothing is configured; null when this host has no such default.</summary>
    private sealed record DefaultPickupDirectory(string? Path);
}
