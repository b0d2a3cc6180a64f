using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class ListFleet(FleetApi api)
{
    [Function(nameof(ListFleet))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + "/" + ApiRoutes.Fleet)] HttpRequest req, CancellationToken cancellationToken) =>
        api.ListAsync(req.HttpContext, cancellationToken);
}
