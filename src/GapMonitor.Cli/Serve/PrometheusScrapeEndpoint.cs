using System.Diagnostics.Metrics;
using GapMonitor.Core.Observability;
using OpenTelemetry.Metrics;

namespace GapMonitor.Cli.Serve;

/// <summary>
/// The standalone host's own metrics (<see cref="GapMonitorMetrics"/> and ASP.NET Core's request metrics) as Prometheus
/// text at <c>GET /metrics</c>, behind <see cref="PrometheusScrapeAccess"/>. Not to be confused with the API's
/// <c>POST /api/systems/{id}/metrics</c> (a monitored system's model metrics). The Functions app exports the same
/// instruments to Azure Monitor instead, so this route is standalone-only (<see cref="StandaloneOnlyRoute"/>).
/// </summary>
public static class PrometheusScrapeEndpoint
{
    public const string Path = "/metrics";

    /// <summary>ASP.NET Core's built-in request metrics (<c>http.server.request.duration</c>, by route template, never by path).</summary>
    private const string AspNetCoreHostingMeter = "Microsoft.AspNetCore.Hosting";

    public static IServiceCollection AddPrometheusScrape(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PrometheusScrapeOptions>().Bind(configuration.GetSection(PrometheusScrapeOptions.Section))
            .Validate(PrometheusScrapeOptions.IsScrapeKeyValid, $"{PrometheusScrapeOptions.Section}:ScrapeKey must be at least {PrometheusScrapeOptions.MinScrapeKeyLength} characters.")
            .ValidateOnStart();
        services.AddSingleton<PrometheusScrapeAccess>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(GapMonitorMetrics.MeterName, AspNetCoreHostingMeter)
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        services.ConfigureOpenTelemetryMeterProvider((provider, builder) => builder.AddView(OnlyThisHostsMeters(provider.GetRequiredService<IMeterFactory>())));
        return services;
    }

    public static IEndpointConventionBuilder MapPrometheusScrape(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The guard is resolved per request: `gapmonitor routes` builds this host without storage, which the key check needs.
        app.Use((http, next) => http.GetEndpoint()?.Metadata.GetMetadata<ScrapeGuarded>() is not null
            ? http.RequestServices.GetRequiredService<PrometheusScrapeAccess>().GuardAsync(http, next)
            : next(http));
        return app.MapPrometheusScrapingEndpoint(Path)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]), new ScrapeGuarded(), new StandaloneOnlyRoute("the Functions app exports its metrics to Azure Monitor instead"))
            .ExcludeFromDescription();
    }

    /// <summary>
    /// A meter name is process-wide: another host in the same process (tests run several) has its own "GapMonitor"
    /// meter from its own <see cref="IMeterFactory"/>. Only this host's meters are exported.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OnlyThisHostsMeters(IMeterFactory own) =>
        instrument => instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, own) ? null : MetricStreamConfiguration.Drop;

    /// <summary>Endpoint metadata: the scrape key check runs before this endpoint.</summary>
    private sealed class ScrapeGuarded;
}
