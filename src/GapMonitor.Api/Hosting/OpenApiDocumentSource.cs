using GapMonitor.Api.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace GapMonitor.Api.Hosting;

/// <summary>
/// <c>GET /api/openapi.json</c> for a host without minimal-API routing (the Functions app): the document the standalone
/// host's <c>MapOpenApi</c> serves, generated from <see cref="EndpointMapping"/> on an app that is built but never
/// started. Generated once, on first request.
/// </summary>
public sealed class OpenApiDocumentSource
{
    public const string DocumentName = "v1";

    private readonly Lazy<Task<string>> _json = new(BuildJsonAsync);

    /// <remarks>A cancelled request stops waiting; the shared generation runs on for the next one.</remarks>
    public async Task<IResult> GetAsync(HttpContext http, CancellationToken cancellationToken) =>
        Results.Text(await _json.Value.WaitAsync(cancellationToken), "application/json;charset=utf-8");

    /// <summary>The document options both hosts use.</summary>
    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo { Title = "GapMonitor API", Version = "v1", Description = "Watches handed-over ML systems for continuity gaps." };
            return Task.CompletedTask;
        });
    }

    /// <summary>Registers the document, as a host that maps it with <c>MapOpenApi</c> needs (the call is intercepted here, in the assembly whose comments describe the routes).</summary>
    public static IServiceCollection AddDocument(IServiceCollection services) => services.AddOpenApi(DocumentName, Configure);

    internal static async Task<string> BuildJsonAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "gapmonitor" });

        // The route handlers take the handler classes as parameters; registering them lets the generator infer them
        // as services rather than request bodies. They are described, never resolved.
        foreach (var handler in typeof(OperationsApi).Assembly.GetExportedTypes().Where(t => t.Namespace == typeof(OperationsApi).Namespace || (t.Namespace == typeof(Ui.SessionPages).Namespace && t.IsClass && !t.IsAbstract)))
        {
            builder.Services.AddSingleton(handler, _ => throw new InvalidOperationException("Handlers are only described here."));
        }

        AddDocument(builder.Services);
        await using var app = builder.Build();

        // UseEndpoints publishes the routes to the API explorer at once; top-level mapping only does so when the app starts.
        app.UseRouting();
#pragma warning disable ASP0014
        app.UseEndpoints(endpoints => endpoints.MapGapMonitorApi());
#pragma warning restore ASP0014
        var document = await app.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>(DocumentName).GetOpenApiDocumentAsync();
        return await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1);
    }
}
