using GapMonitor.Api;
using GapMonitor.Api.Scheduling;
using GapMonitor.Core;
using GapMonitor.Core.Sweeping;
using GapMonitor.Infrastructure.Delivery;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
            .ValidateOnStart();
        services.AddSingleton(sp => new SweepSettings(sp.GetRequiredService<IOptions<GapMonitorOptions>>().Value.SweepPullBudget));
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
