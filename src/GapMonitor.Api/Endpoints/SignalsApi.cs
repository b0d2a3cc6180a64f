using GapMonitor.Api.Contracts;
using GapMonitor.Api.Pipeline;
using GapMonitor.Api.Requests;
using GapMonitor.Core.Signals;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Endpoints;

/// <summary>Heartbeats and deployment events, from the system's ingest key or its vendor or customer.</summary>
public sealed class SignalsApi(ApiPipeline pipeline, SystemScope scope, SignalIngestion ingestion, TimeProvider timeProvider)
{
    public Task<IResult> HeartbeatAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.Signals, async (principal, cancellationToken) =>
    {
        var found = await scope.FindAsync(http, principal!, id, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"System '{id}'");
        }

        var (request, error) = await RequestBody.ReadJsonAsync<HeartbeatRequest>(http.Request, pipeline.MaxRequestBytes, optional: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var v = new Validation();
        HeartbeatStatus? status = request!.Status switch { "ok" => HeartbeatStatus.Ok, "fail" => HeartbeatStatus.Fail, _ => null };
        if (status is null)
        {
            v.Add("status", "Required: \"ok\" or \"fail\".");
        }

        if (request.Message?.Length > 2000)
        {
            v.Add("message", "At most 2000 characters.");
        }

        var now = timeProvider.GetUtcNow();
        CheckTime(v, request.At, now);
        if (found.System.IsRetired)
        {
            v.Add("id", "The system is retired; it no longer accepts signals.");
        }

        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        await ingestion.RecordHeartbeatAsync(found, status!.Value, request.At?.ToUniversalTime(), request.Message, cancellationToken);
        return ApiResponse.Json(StatusCodes.Status202Accepted, new Accepted(id, now));
    }, cancellationToken);

    public Task<IResult> DeploymentAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.Signals, async (principal, cancellationToken) =>
    {
        var found = await scope.FindAsync(http, principal!, id, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"System '{id}'");
        }

        var (request, error) = await RequestBody.ReadJsonAsync<DeploymentRequest>(http.Request, pipeline.MaxRequestBytes, optional: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var v = new Validation();
        if (string.IsNullOrWhiteSpace(request!.ModelVersion) || request.ModelVersion.Length > 100)
        {
            v.Add("modelVersion", "Required, at most 100 characters.");
        }

        if (request.Environment?.Length > 100)
        {
            v.Add("environment", "At most 100 characters.");
        }

        if (request.By?.Length > 200)
        {
            v.Add("by", "At most 200 characters.");
        }

        var now = timeProvider.GetUtcNow();
        CheckTime(v, request.At, now);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        await ingestion.RecordDeploymentAsync(found, request.ModelVersion!.Trim(), request.At?.ToUniversalTime(), request.Environment, request.By, cancellationToken);
        return ApiResponse.Json(StatusCodes.Status202Accepted, new Accepted(id, now));
    }, cancellationToken);

    private static void CheckTime(Validation v, DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is { } when && ClientTimes.IsTooFarAhead(when, now))
        {
            v.Add("at", $"Lies in the future (more than {ClientTimes.MaxAhead.TotalMinutes:0} minutes ahead of the server clock).");
        }
    }
}
