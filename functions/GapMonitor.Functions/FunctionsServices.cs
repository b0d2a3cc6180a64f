using GapMonitor.Api.Hosting;
using GapMonitor.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Functions;

public static class FunctionsServices
{
    /// <summary>
    /// What the triggers need: the services both hosts share, and the OpenAPI document this host cannot map.
    /// Email needs an SMTP host here (or an explicit pickup directory for local runs): files under the worker's
    /// temporary folder would reach nobody, so without one health fails and startup logs it.
    /// </summary>
    public static IServiceCollection AddGapMonitorFunctions(this IServiceCollection services, IConfiguration configuration, string defaultDataDirectory)
    {
        services.AddGapMonitor(configuration, defaultDataDirectory);
        services.WithoutDefaultEmailPickupDirectory();
        services.AddSingleton<OpenApiDocumentSource>();
        return services;
    }
}
