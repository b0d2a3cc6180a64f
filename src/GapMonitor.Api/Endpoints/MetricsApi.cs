using GapMonitor.Api.Contracts;
using GapMonitor.Api.Hosting;
using GapMonitor.Api.Pipeline;
using GapMonitor.Api.Requests;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Endpoints;

/// <summary>Precomputed metrics (a drift score per feature, accuracy, …) pushed by the client's monitoring; idempotent by batch id.</summary>
public sealed class MetricsApi(ApiPipeline pipeline, SystemScope scope, ISignalHistory history, MetricIngestion metrics, IdGenerator ids, TimeProvider timeProvider)
{
    private const int MaxMetrics = 1000;

    public Task<IResult> PostAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.Signals, async (principal, cancellationToken) =>
    {
        var found = await scope.FindAsync(http, principal!, id, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"System '{id}'");
        }

        var (request, error) = await RequestBody.ReadJsonAsync<MetricsRequest>(http.Request, pipeline.MaxRequestBytes, optional: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var now = timeProvider.GetUtcNow();
        var v = new Validation();
        var header = http.Request.Headers["Idempotency-Key"].ToString();
        var batchId = request!.BatchId ?? (header.Length > 0 ? header : ids.NewId());
        if (batchId.Length > 100 || batchId.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            v.Add("batchId", "At most 100 characters, without / \\ # ? or control characters.");
        }

        if (request.Metrics is not { Count: > 0 and <= MaxMetrics })
        {
            v.Add("metrics", $"Between 1 and {MaxMetrics} metrics.");
        }

        var points = new List<MetricPoint>();
        for (var i = 0; i < (request.Metrics?.Count ?? 0); i++)
        {
            var m = request.Metrics![i];
            var field = $"metrics[{i}]";
            if (string.IsNullOrWhiteSpace(m.Name) || m.Name.Length > 100)
            {
                v.Add($"{field}.name", "Required, at most 100 characters.");
            }

            if (m.Value is not { } value || !double.IsFinite(value))
            {
                v.Add($"{field}.value", "Required, a finite number.");
            }

            if (m.At is { } at && ClientTimes.IsTooFarAhead(at, now))
            {
                v.Add($"{field}.at", "Lies in the future.");
            }

            if (m.Feature?.Length > 200)
            {
                v.Add($"{field}.feature", "At most 200 characters.");
            }

            points.Add(new MetricPoint(id, m.Name ?? "", m.Value ?? 0, (m.At ?? now).ToUniversalTime(), m.Feature, batchId, i));
        }

        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        await metrics.RecordAsync(found.System, points, cancellationToken);
        return ApiResponse.Json(StatusCodes.Status202Accepted, new MetricsAccepted(id, batchId, points.Count));
    }, cancellationToken);

    public Task<IResult> ListAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AnyRole, async (principal, cancellationToken) =>
    {
        var found = await scope.FindAsync(http, principal!, id, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"System '{id}'");
        }

        var name = http.Request.Query["name"].ToString() is { Length: > 0 } n ? n : null;
        var v = new Validation();
        var page = ListQuery.Read(http.Request, ApiRoutes.Metrics, v);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var items = await history.MetricsPageAsync(id, name, page, cancellationToken);
        return ApiResponse.Json(StatusCodes.Status200OK, new MetricList(
            [.. items.Items.Select(p => new MetricResponse(p.Name, p.Value, p.At, p.Feature))],
            ListQuery.Next(ApiRoutes.Metrics, items.Continuation)));
    }, cancellationToken);
}
