using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class GetFleetScorecard(ScorecardApi api)
{
    [Function(nameof(GetFleetScorecard))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + "/" + ApiRoutes.FleetScorecard)] HttpRequest req, CancellationToken cancellationToken) =>
        api.FleetAsync(req.HttpContext, cancellationToken);
}
