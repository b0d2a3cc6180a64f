using GapMonitor.Api;
using GapMonitor.Api.Scheduling;
using GapMonitor.Core;
using GapMonitor.Core.ActionLinks;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Sweeping;
using GapMonitor.Infrastructure.Delivery;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GapMonitor.Composition;

public static class GapMonitorServiceCollectionExtensions
{
    /// <summary>Everything both hosts need: the core, storage, delivery channels and the HTTP handlers.</summary>
    public static IServiceCollection AddGapMonitor(this IServiceCollection services, IConfiguration configuration, string defaultDataDirectory)
    {
        services.AddOptions<GapMonitorOptions>().BindConfiguration(GapMonitorOptions.Section).ValidateDataAnnotations()
            .Validate(o => CronSchedules.IsValid(o.SweepSchedule), $"{Schedules.SweepSetting} is not a valid six-field NCRONTAB expression.")
            .Validate(o => CronSchedules.IsValid(o.DeliverySchedule), $"{Schedules.DeliverySetting} is not a valid six-field NCRONTAB expression.")
            .Validate(o => CronSchedules.IsValid(o.PullSchedule), $"{Schedules.PullSetting} is not a valid six-field NCRONTAB expression.")
            .Validate(GapMonitorOptions.IsAdminKeyStrong, $"GapMonitor:AdminApiKey must be at least {GapMonitorOptions.MinAdminKeyLength} characters (not counting surrounding spaces); generate one, e.g. openssl rand -hex 32.")
            .Validate(GapMonitorOptions.IsPublicBaseUrlValid, "GapMonitor:PublicBaseUrl must be an absolute http(s) URL without query or fragment.")
            .Validate(GapMonitorOptions.IsActionLinkSigningKeyValid, $"GapMonitor:ActionLinks:SigningKey must be base64 of at least {ActionLinkSigningKey.MinBytes} bytes.")
            .ValidateOnStart();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GapMonitorOptions>>().Value;
            return new ActionLinkSettings(ActionLinkSigningKey.From(options.ActionLinks.SigningKey, options.AdminApiKey));
        });
        services.TryAddSingleton<IPublicBaseUrl>(sp => new ConfiguredPublicBaseUrl(sp.GetRequiredService<IOptions<GapMonitorOptions>>().Value.PublicBaseUri()));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GapMonitorOptions>>().Value;
            return new SweepSettings(options.SweepPullBudget) { SystemsPerShard = options.SweepSystemsPerShard };
        });
        services.AddGapMonitorCore();
        services.AddGapMonitorStorage(configuration);
        services.AddGapMonitorDelivery(Path.Combine(defaultDataDirectory, "mail"));
        services.AddGapMonitorTelemetry();
        services.AddGapMonitorApi();
        return services;
    }

    /// <summary>
    /// For hosts whose local disk reaches nobody (Azure Functions): without an SMTP host and without an explicit
    /// <c>GapMonitor:Email:PickupDirectory</c>, email is "not configured" — health fails, startup logs it, sends are retried.
    /// </summary>
    public static IServiceCollection WithoutDefaultEmailPickupDirectory(this IServiceCollection services) =>
        DeliveryServiceCollectionExtensions.WithoutDefaultEmailPickupDirectory(services);
}
