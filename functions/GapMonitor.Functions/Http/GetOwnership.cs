using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class GetOwnership(OwnershipApi api)
{
    [Function(nameof(GetOwnership))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + "/" + ApiRoutes.SystemOwnership)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.GetAsync(req.HttpContext, id, cancellationToken);
}
