using GapMonitor.Api.Contracts;
using GapMonitor.Api.Pipeline;
using GapMonitor.Core.Systems;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Endpoints;

/// <summary><c>POST /api/systems/{id}/ingest-key</c>: a new ingest key for a system in the caller's scope; the old one stops working at once.</summary>
public sealed class IngestKeyApi(ApiPipeline pipeline, SystemScope scope, SystemRegistry registry)
{
    public Task<IResult> RotateAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AnyRole, async (principal, cancellationToken) =>
    {
        var found = await scope.FindAsync(http, principal!, id, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"System '{id}'");
        }

        return await registry.RotateIngestKeyAsync(found.System, principal!, cancellationToken) is { } ingestKey
            ? ApiResponse.Json(StatusCodes.Status201Created, new IngestKeyResponse(ingestKey))
            : Problems.Conflict("The system kept changing while its ingest key was replaced; try again.");
    }, cancellationToken);
}
