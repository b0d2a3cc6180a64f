using GapMonitor.Api.Auth;
using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Http;
using GapMonitor.Core;
using GapMonitor.Core.Sweeping;
using GapMonitor.Infrastructure.Delivery;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GapMonitor.Api;

public static class ServiceCollectionExtensions
{
    /// <summary>Everything both hosts need: the core, storage, delivery channels and the HTTP handlers.</summary>
    public static IServiceCollection AddGapMonitor(this IServiceCollection services, IConfiguration configuration, string defaultDataDirectory)
    {
        services.AddOptions<GapMonitorOptions>().BindConfiguration(GapMonitorOptions.Section).ValidateDataAnnotations()
            .Validate(o => Scheduling.Schedules.IsValid(o.SweepSchedule), "GapMonitor:SweepSchedule is not a valid six-field NCRONTAB expression.")
            .Validate(o => Scheduling.Schedules.IsValid(o.DeliverySchedule), "GapMonitor:DeliverySchedule is not a valid six-field NCRONTAB expression.")
            .Validate(o => Scheduling.Schedules.IsValid(o.PullSchedule), "GapMonitor:PullSchedule is not a valid six-field NCRONTAB expression.")
            .Validate(GapMonitorOptions.IsAdminKeyStrong, $"GapMonitor:AdminApiKey must be at least {GapMonitorOptions.MinAdminKeyLength} characters (not counting surrounding spaces); generate one, e.g. openssl rand -hex 32.")
            .ValidateOnStart();
        services.AddSingleton(sp => new SweepSettings(sp.GetRequiredService<IOptions<GapMonitorOptions>>().Value.SweepPullBudget));
        services.AddGapMonitorCore();
        services.AddGapMonitorStorage(configuration);
        services.AddGapMonitorDelivery(Path.Combine(defaultDataDirectory, "mail"));
        services.AddGapMonitorTelemetry();
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<ApiPipeline>();
        services.AddSingleton<SystemsApi>();
        services.AddSingleton<StatusApi>();
        services.AddSingleton<SignalsApi>();
        services.AddSingleton<AlertsApi>();
        services.AddSingleton<KeysApi>();
        services.AddSingleton<OperationsApi>();
        services.AddSingleton<TelemetryApi>();
        services.AddSingleton<MetricsApi>();
        services.AddSingleton<CustomersApi>();
        return services;
    }
}
