using System.Text.Json;
using GapMonitor.Api;
using GapMonitor.Api.Hosting;
using GapMonitor.Api.Scheduling;
using GapMonitor.Composition;
using GapMonitor.Core.Ports;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Storage.Local;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GapMonitor.Cli.Serve;

/// <summary>
/// <c>gapmonitor serve</c>: the API and the timers on Kestrel, configured by the same keys as the Functions app.
/// Without configured storage it starts the repository's Azurite on loopback, with data under the local data folder.
/// </summary>
public static class StandaloneHost
{
    public static async Task<WebApplication> BuildAsync(string[] args, StandaloneHostSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ApplicationName = "gapmonitor" });
        builder.Configuration.AddInMemoryCollection(settings.Overrides);
        if (settings.Urls is not null)
        {
            builder.WebHost.UseUrls(settings.Urls);
        }

        LocalAzurite? azurite = null;
        var storage = StorageOptions.Read(builder.Configuration);
        if (!storage.IsConfigured && settings.StartLocalStorage)
        {
            azurite = await LocalAzurite.StartAsync(settings.RepositoryRoot, Path.Combine(settings.DataDirectory, "azurite"), cancellationToken);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["GapMonitor:Storage:ConnectionString"] = azurite.ConnectionString });
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("Azure", LogLevel.Error).AddFilter("System.Net.Http", LogLevel.Warning);
        settings.ConfigureServices?.Invoke(builder.Services);
        builder.Services.TryAddSingleton<IPublicBaseUrl>(sp => new ListeningPublicBaseUrl(
            sp.GetRequiredService<IOptions<GapMonitorOptions>>().Value.PublicBaseUri(), sp.GetRequiredService<IServer>()));
        builder.Services.AddGapMonitor(builder.Configuration, settings.DataDirectory);
        builder.Services.AddPrometheusScrape(builder.Configuration);
        OpenApiDocumentSource.AddDocument(builder.Services);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = builder.Configuration.GetValue<long?>("GapMonitor:MaxRequestBytes") ?? 1024 * 1024);
        if (settings.RunSchedules)
        {
            builder.Services.AddHostedService<ScheduledJobs>();
            // Consumers only where the storage has a queue service (without one the timer sweeps in-process).
            if (settings.Workers > 0 && builder.Services.Any(d => d.ServiceType == typeof(Infrastructure.Queues.SweepShardConsumer)))
            {
                builder.Services.AddSingleton(settings);
                builder.Services.AddHostedService<SweepWorkers>();
            }
        }

        var app = builder.Build();
        app.Use(CloseAfterOversizedBodyAsync);
        app.MapGapMonitorApi();
        app.MapPrometheusScrape();
        app.MapOpenApi("/" + ApiRoutes.Prefix + "/" + ApiRoutes.OpenApi);
        app.MapFallback((HttpContext h, EndpointDataSource endpoints) => UnmatchedRequest.Answer(h, endpoints));
        if (azurite is not null)
        {
            app.Lifetime.ApplicationStopped.Register(() => azurite.DisposeAsync().AsTask().GetAwaiter().GetResult());
        }

        return app;
    }

    /// <summary>
    /// Kestrel drops the connection after answering a request whose unread body is over its limit, without telling the
    /// client, whose next request on it then fails. Such a response (and any error answered to a chunked body) says
    /// <c>Connection: close</c> instead.
    /// </summary>
    private static Task CloseAfterOversizedBodyAsync(HttpContext http, RequestDelegate next)
    {
        http.Response.OnStarting(() =>
        {
            var limit = http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            var chunked = http.Request.ContentLength is null && http.Request.Headers.ContainsKey("Transfer-Encoding");
            if (http.Request.ContentLength > limit || (chunked && http.Response.StatusCode >= 400))
            {
                http.Response.Headers.Connection = "close";
            }

            return Task.CompletedTask;
        });
        return next(http);
    }

    /// <summary>
    /// The routes (method + path) and timers this host serves, for the parity check with the Functions app. A route
    /// only this host serves on purpose carries <c>standaloneOnly</c> (why).
    /// </summary>
    public static string DescribeRoutes(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var routes = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => new RouteDescription(m, "/" + e.RoutePattern.RawText!.TrimStart('/'), e.Metadata.GetMetadata<StandaloneOnlyRoute>()?.Reason)))
            .OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();
        var timers = Schedules.All.Select(t => new { name = t.Key, setting = t.Value }).ToList();
        var queues = QueueConsumers.All.Select(q => new { name = q.Key, setting = q.Value }).ToList();
        return JsonSerializer.Serialize(new { routes, timers, queues }, new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        });
    }

    private sealed record RouteDescription(string Method, string Path, string? StandaloneOnly);
}
