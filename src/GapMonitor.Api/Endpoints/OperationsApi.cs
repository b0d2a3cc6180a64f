using System.Reflection;
using GapMonitor.Api.Contracts;
using GapMonitor.Api.Pipeline;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Sweeping;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Endpoints;

/// <summary>Health and the on-demand sweep.</summary>
public sealed class OperationsApi(
    ApiPipeline pipeline, IStorageHealthProbe storage, SweepService sweep, EmailDeliverySetup email, TimeProvider timeProvider, Core.Sweeping.Shards.SweepFanOut? fanOut = null)
{
    private static readonly string Version =
        typeof(OperationsApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";

    public Task<IResult> HealthAsync(HttpContext http, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.Anyone, async (_, cancellationToken) =>
    {
        var reachable = await storage.IsReachableAsync(cancellationToken);
        var healthy = reachable && email.Problem is null;
        var body = new HealthResponse(
            healthy ? "ok" : "degraded", reachable ? "reachable" : "unreachable", EmailState(email.Mode), timeProvider.GetUtcNow(), Version,
            reachable ? email.Problem : "Storage is unreachable.", reachable ? await PoisonQueueDepthAsync(cancellationToken) : null);
        var response = ApiResponse.Json(healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, body);
        // Only an unreachable store is worth polling again soon; a missing setting needs an operator.
        return reachable ? response : response.WithHeader("Retry-After", "5");
    }, cancellationToken);

    /// <summary>Read (and recorded in the metrics) on every call; a queue that cannot be read leaves the field out.</summary>
    private async Task<long?> PoisonQueueDepthAsync(CancellationToken cancellationToken)
    {
        if (fanOut is null)
        {
            return null;
        }

        try
        {
            return (await fanOut.ReadDepthsAsync(cancellationToken)).Poison;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }

    private static string EmailState(EmailDeliveryMode mode) => mode switch
    {
        EmailDeliveryMode.Smtp => "smtp",
        EmailDeliveryMode.PickupDirectory => "pickup-directory",
        _ => "not-configured",
    };

    public Task<IResult> SweepAsync(HttpContext http, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AdminOnly, async (_, cancellationToken) =>
    {
        var s = await sweep.RunAsync(cancellationToken);
        return ApiResponse.Json(StatusCodes.Status200OK, new SweepResponse(
            s.StartedAt, s.Duration.TotalMilliseconds, s.SystemsEvaluated, s.AlertsOpened, s.AlertsEscalated, s.AlertsResolved,
            s.Conflicts, s.NotificationsDelivered, s.NotificationsRetrying, s.NotificationsFailed, s.SystemsFailed));
    }, cancellationToken);
}
