using GapMonitor.Api;
using GapMonitor.Api.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Functions;

public static class FunctionsServices
{
    /// <summary>What the triggers need: the services both hosts share, and the OpenAPI document this host cannot map.</summary>
    public static IServiceCollection AddGapMonitorFunctions(this IServiceCollection services, IConfiguration configuration, string defaultDataDirectory)
    {
        services.AddGapMonitor(configuration, defaultDataDirectory);
        services.AddSingleton<OpenApiDocumentSource>();
        return services;
    }
}
