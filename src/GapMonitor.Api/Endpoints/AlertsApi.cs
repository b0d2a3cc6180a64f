using GapMonitor.Api.Contracts;
using GapMonitor.Api.Hosting;
using GapMonitor.Api.Pipeline;
using GapMonitor.Api.Requests;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Endpoints;

/// <summary>List, read and acknowledge alerts within the caller's scope.</summary>
public sealed class AlertsApi(ApiPipeline pipeline, IAlertStore alerts, SystemScope scope, AlertAcknowledgement acknowledgement)
{
    public Task<IResult> ListAsync(HttpContext http, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AnyRole, async (principal, cancellationToken) =>
    {
        var query = http.Request.Query;
        var v = new Validation();
        AlertState? state = query["state"].ToString() switch
        {
            "" => null,
            "open" => AlertState.Open,
            "acknowledged" => AlertState.Acknowledged,
            "resolved" => AlertState.Resolved,
            _ => Invalid(v, "state", "One of open, acknowledged, resolved."),
        };
        var kind = query["kind"].ToString() is { Length: > 0 } k ? k : null;
        if (kind is not null && !AlertKinds.All.Contains(kind))
        {
            v.Add("kind", $"One of {string.Join(", ", AlertKinds.All)}.");
        }

        var systemId = query["systemId"].ToString() is { Length: > 0 } s ? s : null;
        var from = QueryTime.Read(http.Request, "from", v);
        var to = QueryTime.Read(http.Request, "to", v);
        if (from is not null && to is not null && from >= to)
        {
            v.Add("to", "Must lie after from.");
        }

        var page = ListQuery.Read(http.Request, ApiRoutes.Alerts, v);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var filter = new AlertQuery(
            systemId,
            state,
            kind,
            principal!.Role is Role.Vendor or Role.Customer ? principal.Vendor : null,
            principal.Role == Role.Customer ? principal.Customer : null,
            OpenedFrom: from,
            OpenedBefore: to);
        var found = await alerts.ListPageAsync(filter, page, cancellationToken);
        return ApiResponse.Json(StatusCodes.Status200OK, new AlertList(
            [.. found.Items.Select(a => a.ToResponse())],
            ListQuery.Next(ApiRoutes.Alerts, found.Continuation)));
    }, cancellationToken);

    public Task<IResult> GetAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AnyRole, async (principal, cancellationToken) =>
    {
        var found = await FindAsync(principal!, id, cancellationToken);
        return found is null ? Problems.NotFound($"Alert '{id}'") : ApiResponse.Json(StatusCodes.Status200OK, found.ToResponse(principal!));
    }, cancellationToken);

    public Task<IResult> AcknowledgeAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AnyRole, async (principal, cancellationToken) =>
    {
        if (await FindAsync(principal!, id, cancellationToken) is null)
        {
            return Problems.NotFound($"Alert '{id}'");
        }

        var (request, error) = await RequestBody.ReadJsonAsync<AcknowledgeRequest>(http.Request, pipeline.MaxRequestBytes, optional: true, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var v = new Validation();
        if (request?.By?.Length > 200)
        {
            v.Add("by", "At most 200 characters.");
        }

        if (request?.Note?.Length > 2000)
        {
            v.Add("note", "At most 2000 characters.");
        }

        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var outcome = await acknowledgement.AcknowledgeAsync(principal!, id, request?.By, request?.Note, cancellationToken);
        if (outcome == AcknowledgeOutcome.AlreadyResolved)
        {
            return Problems.Conflict("The alert is already resolved.");
        }

        var current = await FindAsync(principal!, id, cancellationToken);
        return current is null ? Problems.NotFound($"Alert '{id}'") : ApiResponse.Json(StatusCodes.Status200OK, current.ToResponse(principal!));
    }, cancellationToken);

    private async Task<AlertWithHistory?> FindAsync(Principal principal, string id, CancellationToken cancellationToken)
    {
        if (id.Length > 200 || IdGenerator.SystemIdOfAlert(id) is not { } systemId || await scope.FindAsync(principal, systemId, cancellationToken: cancellationToken) is null)
        {
            return null;
        }

        return await alerts.GetAsync(id, cancellationToken);
    }

    private static AlertState? Invalid(Validation v, string field, string message)
    {
        v.Add(field, message);
        return null;
    }
}
