using GapMonitor.Api.Contracts;
using GapMonitor.Api.Hosting;
using GapMonitor.Api.Pipeline;
using GapMonitor.Api.Requests;
using GapMonitor.Core.Fleet;
using GapMonitor.Core.Systems;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Endpoints;

/// <summary>The fleet: every system in the caller's scope on one line, with totals.</summary>
public sealed class FleetApi(ApiPipeline pipeline, FleetQuery query)
{
    public Task<IResult> ListAsync(HttpContext http, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AnyRole, async (principal, cancellationToken) =>
    {
        var v = new Validation();
        var state = Text(http.Request, "state", v);
        if (state is not null && !FleetStates.All.Contains(state))
        {
            v.Add("state", $"One of {string.Join(", ", FleetStates.All)}.");
        }

        var filter = new FleetFilter(
            Text(http.Request, "vendor", v),
            Text(http.Request, "customer", v),
            Text(http.Request, "owner", v) switch
            {
                null => null,
                "vendor" => Party.Vendor,
                "customer" => Party.Customer,
                _ => InvalidOwner(v),
            },
            state);
        var page = ListQuery.Read(http.Request, ApiRoutes.Fleet, v);
        if (page.Continuation is { } position && !SystemIds.IsValid(position))
        {
            v.Add(ListQuery.Cursor, ListQuery.CursorMessage);
        }

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

    /// <summary>A query parameter given at most once; empty reads as absent.</summary>
    private static string? Text(HttpRequest request, string name, Validation v)
    {
        var values = request.Query[name];
        if (values.Count > 1)
        {
            v.Add(name, "Give it once.");
            return null;
        }

        var text = values.ToString();
        if (text.Length > 200)
        {
            v.Add(name, "At most 200 characters.");
            return null;
        }

        return text.Length == 0 ? null : text;
    }

    private static Party? InvalidOwner(Validation v)
    {
        v.Add("owner", "vendor or customer.");
        return null;
    }
}
