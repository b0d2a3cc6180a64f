using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class GetSystemScorecard(ScorecardApi api)
{
    [Function(nameof(GetSystemScorecard))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + "/" + ApiRoutes.SystemScorecard)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.SystemAsync(req.HttpContext, id, cancellationToken);
}
