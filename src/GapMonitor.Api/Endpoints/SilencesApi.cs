using GapMonitor.Api.Contracts;
using GapMonitor.Api.Hosting;
using GapMonitor.Api.Pipeline;
using GapMonitor.Api.Requests;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Silences;
using GapMonitor.Core.Systems;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Endpoints;

/// <summary>Create, list, read and end silences of systems within the caller's scope (admin, vendor or customer keys).</summary>
public sealed class SilencesApi(
    ApiPipeline pipeline,
    SilenceCreation creation,
    SilenceEnding ending,
    ISilenceStore silences,
    SystemScope scope,
    TimeProvider timeProvider)
{
    public Task<IResult> CreateAsync(HttpContext http, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AnyRole, async (principal, cancellationToken) =>
    {
        var (request, error) = await RequestBody.ReadJsonAsync<SilenceRequest>(http.Request, pipeline.MaxRequestBytes, optional: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var v = new Validation();
        if (string.IsNullOrWhiteSpace(request!.SystemId))
        {
            v.Add("systemId", "Required: the system to silence.");
        }

        var draft = new SilenceDraft(request.SystemId ?? "", request.Kinds, request.StartsAt, request.EndsAt, request.Reason, request.By);
        foreach (var (field, message) in SilenceRules.Check(draft, timeProvider.GetUtcNow()))
        {
            v.Add(field, message);
        }

        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var outcome = await creation.CreateAsync(draft, SilenceAuthor.Of(principal!), cancellationToken: cancellationToken);
        return outcome.Result switch
        {
            SilenceResult.Created => ApiResponse.Json(StatusCodes.Status201Created, outcome.Silence!.ToResponse(timeProvider.GetUtcNow()))
                .WithHeader("Location", $"/{ApiRoutes.Prefix}/{ApiRoutes.Silences}/{outcome.Silence!.Id}"),
            SilenceResult.Invalid => Problems.Validation(outcome.Errors!.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal)),
            SilenceResult.TooMany => Problems.Conflict($"The system already has {SilenceRules.MaxPerSystem} current or future silences; end one first."),
            _ => Problems.NotFound($"System '{request.SystemId}'"),
        };
    }, cancellationToken);

    /// <summary>By system, then oldest first; <c>active=true</c>: in effect now, <c>active=false</c>: ended or not started yet.</summary>
    public Task<IResult> ListAsync(HttpContext http, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AnyRole, async (principal, cancellationToken) =>
    {
        var query = http.Request.Query;
        var v = new Validation();
        bool? active = query["active"].ToString() switch
        {
            "" => null,
            "true" => true,
            "false" => false,
            _ => Invalid(v, "active", "true (in effect now) or false (ended or not started yet)."),
        };
        var systemId = query["systemId"].ToString() is { Length: > 0 } s ? s : null;
        if (systemId is not null && !SystemIds.IsValid(systemId))
        {
            v.Add("systemId", "Not a system id.");
        }

        var page = ListQuery.Read(http.Request, ApiRoutes.Silences, v);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var now = timeProvider.GetUtcNow();
        var filter = new SilenceQuery(
            systemId,
            active,
            now,
            principal!.Role is Role.Vendor or Role.Customer ? principal.Vendor : null,
            principal.Role == Role.Customer ? principal.Customer : null);
        var found = await silences.ListPageAsync(filter, page, cancellationToken);
        return ApiResponse.Json(StatusCodes.Status200OK, new SilenceList(
            [.. found.Items.Select(i => i.ToResponse(now))],
            ListQuery.Next(ApiRoutes.Silences, found.Continuation)));
    }, cancellationToken);

    public Task<IResult> GetAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AnyRole, async (principal, cancellationToken) =>
    {
        var found = await FindAsync(principal!, id, cancellationToken);
        return found is null ? Problems.NotFound($"Silence '{id}'") : ApiResponse.Json(StatusCodes.Status200OK, found.ToResponse(timeProvider.GetUtcNow()));
    }, cancellationToken);

    /// <summary>Ends the silence now (204); one that already ended is left as it is, also 204, so a retried DELETE succeeds.</summary>
    public Task<IResult> EndAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AnyRole, async (principal, cancellationToken) =>
    {
        if (id.Length > 200)
        {
            return Problems.NotFound($"Silence '{id}'");
        }

        var outcome = await ending.EndAsync(id, principal!.Name, principal.CanSee, cancellationToken);
        return outcome.Result is SilenceResult.Ended or SilenceResult.AlreadyEnded
            ? ApiResponse.Empty(StatusCodes.Status204NoContent)
            : Problems.NotFound($"Silence '{id}'");
    }, cancellationToken);

    private async Task<Silence?> FindAsync(Principal principal, string id, CancellationToken cancellationToken)
    {
        if (id.Length > 200 || IdGenerator.SystemIdOfAlert(id) is not { } systemId || await scope.FindAsync(principal, systemId, cancellationToken: cancellationToken) is null)
        {
            return null;
        }

        return await silences.GetAsync(id, cancellationToken);
    }

    private static bool? Invalid(Validation v, string field, string message)
    {
        v.Add(field, message);
        return null;
    }
}
