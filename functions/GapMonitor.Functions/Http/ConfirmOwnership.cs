using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class ConfirmOwnership(OwnershipApi api)
{
    [Function(nameof(ConfirmOwnership))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + "/" + ApiRoutes.SystemOwnership)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.ConfirmAsync(req.HttpContext, id, cancellationToken);
}
