using GapMonitor.Api.Pipeline;
using GapMonitor.Core.Scorecards;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Endpoints;

/// <summary><c>GET /api/systems/{id}/scorecard</c> and <c>GET /api/fleet/scorecard</c>.</summary>
public sealed class ScorecardApi(ApiPipeline pipeline, ScorecardQuery query)
{
    public Task<IResult> SystemAsync(HttpContext http, string id, CancellationToken cancellationToken) => throw new NotImplementedException("helper h11a" + pipeline + query);

    public Task<IResult> FleetAsync(HttpContext http, CancellationToken cancellationToken) => throw new NotImplementedException("helper h11a");
}
