using GapMonitor.Api.Contracts;
using GapMonitor.Api.Hosting;
using GapMonitor.Api.Pipeline;
using GapMonitor.Api.Requests;
using GapMonitor.Core.Fleet;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Endpoints;

/// <summary>The fleet: every system in the caller's scope on one line, with totals.</summary>
public sealed class FleetApi(ApiPipeline pipeline, FleetQuery query)
{
    public Task<IResult> ListAsync(HttpContext http, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AnyRole, async (principal, cancellationToken) =>
    {
        var v = new Validation();
        var (filter, page) = FleetRequest.Read(http.Request, v);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var found = await query.ListAsync(principal!, filter, page, cancellationToken);
        return ApiResponse.Json(StatusCodes.Status200OK, new FleetList(
            [.. found.Items.Select(ToResponse)],
            ListQuery.Next(ApiRoutes.Fleet, found.Continuation),
            new FleetTotalsResponse(found.Totals.Systems, found.Totals.Lapsed, found.Totals.ByOwner, found.Totals.ByMonitoring, found.Totals.OpenAlerts)));
    }, cancellationToken);

    private static FleetSystemResponse ToResponse(FleetRow row) => new(
        row.System.Id,
        row.System.Name,
        row.System.Vendor,
        row.System.Customer,
        ResponseMapping.Lower(row.Owner),
        new FleetMonitoringResponse(row.Monitoring, row.System.Signals.LastHeartbeatAt),
        new FleetOwnershipResponse(ResponseMapping.Lower(row.Ownership), row.OwnershipDueAt),
        row.OpenAlerts,
        row.AcknowledgedAlerts,
        row.OldestUnacknowledgedAt,
        row.LastDrift is { } d ? new FleetDriftResponse(d.WindowEnd, d.DatasetDrift, d.DriftShare) : null,
        row.SilencedUntil,
        new FleetContinuityResponse(row.ContinuityScore),
        row.Lapsed);
}
