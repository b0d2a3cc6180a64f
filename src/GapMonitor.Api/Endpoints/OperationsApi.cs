using System.Reflection;
using GapMonitor.Api.Contracts;
using GapMonitor.Api.Http;
using GapMonitor.Core.Sweeping;
using GapMonitor.Infrastructure.Storage;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Endpoints;

/// <summary>Health and the on-demand sweep.</summary>
public sealed class OperationsApi(ApiPipeline pipeline, StorageTables tables, SweepService sweep, TimeProvider timeProvider)
{
    private static readonly string Version =
        typeof(OperationsApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";

    public Task<IResult> HealthAsync(HttpContext http) => pipeline.RunAsync(http, Access.Anyone, async _ =>
    {
        var reachable = await tables.IsReachableAsync(http.RequestAborted);
        var body = new HealthResponse(reachable ? "ok" : "degraded", reachable ? "reachable" : "unreachable", timeProvider.GetUtcNow(), Version);
        var response = ApiResponse.Json(reachable ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, body);
        return reachable ? response : response.WithHeader("Retry-After", "5");
    });

    public Task<IResult> SweepAsync(HttpContext http) => pipeline.RunAsync(http, Access.AdminOnly, async _ =>
    {
        var s = await sweep.RunAsync(http.RequestAborted);
        return ApiResponse.Json(StatusCodes.Status200OK, new SweepResponse(
            s.StartedAt, s.Duration.TotalMilliseconds, s.SystemsEvaluated, s.AlertsOpened, s.AlertsEscalated, s.AlertsResolved,
            s.Conflicts, s.NotificationsDelivered, s.NotificationsRetrying, s.NotificationsFailed, s.SystemsFailed));
    });
}
