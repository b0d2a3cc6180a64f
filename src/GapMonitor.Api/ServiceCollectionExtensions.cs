using GapMonitor.Api.Auth;
using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Pipeline;
using GapMonitor.Api.Ui;
using GapMonitor.Web.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Api;

public static class ServiceCollectionExtensions
{
    /// <summary>The HTTP handlers and what runs around them. The core and the adapters come from the composition root.</summary>
    public static IServiceCollection AddGapMonitorApi(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<ApiPipeline>();
        services.AddSingleton<SystemsApi>();
        services.AddSingleton<SystemPatchApi>();
        services.AddSingleton<IngestKeyApi>();
        services.AddSingleton<StatusApi>();
        services.AddSingleton<SignalsApi>();
        services.AddSingleton<AlertsApi>();
        services.AddSingleton<OwnershipApi>();
        services.AddSingleton<SilencesApi>();
        services.AddSingleton<KeysApi>();
        services.AddSingleton<OperationsApi>();
        services.AddSingleton<TelemetryApi>();
        services.AddSingleton<MetricsApi>();
        services.AddSingleton<LabelsApi>();
        services.AddSingleton<CustomersApi>();
        services.AddSingleton<FleetApi>();
        services.AddSingleton<ContactsApi>();
        services.AddSingleton<ActionLinksApi>();
        services.AddSingleton<ScorecardApi>();
        services.AddSingleton<ComponentHtml>();
        services.AddSingleton<ConsoleSessionCookie>();
        services.AddSingleton<ConsoleResponder>();
        services.AddSingleton<SessionPages>();
        services.AddSingleton<FleetPage>();
        services.AddSingleton<AlertPage>();
        services.AddSingleton<SystemPage>();
        return services;
    }
}
