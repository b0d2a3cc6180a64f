using GapMonitor.Api.Contracts;
using GapMonitor.Api.Hosting;
using GapMonitor.Api.Pipeline;
using GapMonitor.Api.Requests;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Api.Endpoints;

/// <summary>Register, read, update and retire handed-over systems.</summary>
public sealed class SystemsApi(
    ApiPipeline pipeline,
    ISystemStore store,
    SystemScope scope,
    SystemRegistry registry,
    TimeProvider timeProvider,
    ILogger<SystemsApi> logger)
{
    public Task<IResult> CreateAsync(HttpContext http, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AdminOrVendor, async (principal, cancellationToken) =>
    {
        var (request, error) = await RequestBody.ReadJsonAsync<SystemRequest>(http.Request, pipeline.MaxRequestBytes, optional: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var now = timeProvider.GetUtcNow();
        var (system, validation) = SystemRequestValidator.Build(request!, registry.NewSystemId(), now, existing: null);
        if (principal!.Role == Role.Vendor && request!.Vendor is not null && request.Vendor != principal.Vendor)
        {
            validation.Add("vendor", "A vendor key may only register systems of its own vendor id.");
        }

        await CheckOutboundAsync(validation, system, existing: null, principal, cancellationToken);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (await registry.RegisterAsync(system!, principal, cancellationToken) is not { } registered)
        {
            // Ids are global. A taken id gets this one answer whoever holds it (the caller or another tenant): no owner,
            // nothing of that system. Who wants no id to be probed omits it and gets a generated, unguessable one.
            return Problems.Conflict($"The id '{system!.Id}' is not available; choose another, or omit id to get a generated one.");
        }

        return ApiResponse.Json(StatusCodes.Status201Created, registered.System.ToResponse(now, principal, registered.IngestKey))
            .WithHeader("Location", $"/api/systems/{registered.System.Id}")
            .WithHeader("ETag", registered.System.ConfigETag);
    }, cancellationToken);

    public Task<IResult> ListAsync(HttpContext http, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AnyRole, async (principal, cancellationToken) =>
    {
        var v = new Validation();
        var page = ListQuery.Read(http.Request, ApiRoutes.Systems, v);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var now = timeProvider.GetUtcNow();
        var found = await store.ListPageAsync(
            principal!.Role == Role.Vendor ? principal.Vendor : null,
            principal.Role == Role.Customer ? principal.Customer : null,
            page,
            cancellationToken);
        var items = new List<SystemResponse>();
        foreach (var system in found.Items)
        {
            if (principal.CanSee(system) && Show(system, now, principal) is { } shown)
            {
                items.Add(shown);
            }
        }

        return ApiResponse.Json(StatusCodes.Status200OK, new SystemList(items, ListQuery.Next(ApiRoutes.Systems, found.Continuation)));
    }, cancellationToken);

    /// <summary>One bad stored row must not take the whole list down: it is logged and left out.</summary>
    private SystemResponse? Show(MonitoredSystem system, DateTimeOffset now, Principal viewer)
    {
        try
        {
            return system.ToResponse(now, viewer);
        }
        catch (Exception ex) when (ex is ArgumentException or OverflowException or InvalidOperationException or FormatException)
        {
            logger.LogError(ex, "System {SystemId} cannot be shown; left out of the list", system.Id);
            return null;
        }
    }

    public Task<IResult> GetAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AnyRole, async (principal, cancellationToken) =>
    {
        var found = await scope.FindAsync(http, principal!, id, cancellationToken);
        return found is null
            ? Problems.NotFound($"System '{id}'")
            : ApiResponse.Json(StatusCodes.Status200OK, found.System.ToResponse(timeProvider.GetUtcNow(), principal!)).WithHeader("ETag", found.System.ConfigETag);
    }, cancellationToken);

    public Task<IResult> UpdateAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AdminOrVendor, async (principal, cancellationToken) =>
    {
        var found = await scope.FindAsync(http, principal!, id, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"System '{id}'");
        }

        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(ifMatch))
        {
            return Problems.PreconditionRequired("Send If-Match with the ETag you read the system with (or * to overwrite whatever is stored).");
        }

        if (ifMatch != "*" && ifMatch != found.System.ConfigETag)
        {
            return Problems.PreconditionFailed("The system changed since you read it (If-Match does not match its ETag). Read it again.");
        }

        var (request, error) = await RequestBody.ReadJsonAsync<SystemRequest>(http.Request, pipeline.MaxRequestBytes, optional: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var now = timeProvider.GetUtcNow();
        var (system, validation) = SystemRequestValidator.Build(request!, id, now, found.System);
        await CheckOutboundAsync(validation, system, found.System, principal!, cancellationToken);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (await registry.UpdateAsync(system!, principal!, cancellationToken) is not { } updated)
        {
            return Problems.PreconditionFailed("The system changed concurrently. Read it again.");
        }

        return ApiResponse.Json(StatusCodes.Status200OK, updated.ToResponse(now, principal!)).WithHeader("ETag", updated.ConfigETag);
    }, cancellationToken);

    /// <summary>Retiring stops monitoring and keeps the history; the next sweep resolves its open alerts.</summary>
    public Task<IResult> RetireAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AdminOrVendor, async (principal, cancellationToken) =>
    {
        var found = await scope.FindAsync(http, principal!, id, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"System '{id}'");
        }

        return await registry.RetireAsync(found.System, principal!, cancellationToken)
            ? ApiResponse.Empty(StatusCodes.Status204NoContent)
            : Problems.Conflict("The system changed concurrently; try again.");
    }, cancellationToken);

    public Task<IResult> AuditAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AnyRole, async (principal, cancellationToken) =>
    {
        var found = await scope.FindAsync(http, principal!, id, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"System '{id}'");
        }

        var v = new Validation();
        var page = ListQuery.Read(http.Request, ApiRoutes.SystemAudit, v);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var entries = await store.GetAuditPageAsync(id, page, cancellationToken);
        return ApiResponse.Json(StatusCodes.Status200OK, new AuditList(
            [.. entries.Items.Select(e => new AuditResponse(e.Id, e.At, e.Actor, e.Action, e.AlertId, e.Detail))],
            ListQuery.Next(ApiRoutes.SystemAudit, entries.Continuation)));
    }, cancellationToken);

    private async Task CheckOutboundAsync(Validation validation, MonitoredSystem? system, MonitoredSystem? existing, Principal principal, CancellationToken cancellationToken)
    {
        if (system is null)
        {
            return;
        }

        foreach (var refusal in await registry.CheckOutboundAsync(system, existing, principal, cancellationToken))
        {
            validation.Add(refusal.Field, refusal.Message);
        }
    }
}
