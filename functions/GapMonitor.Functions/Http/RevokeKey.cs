using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class RevokeKey(KeysApi api)
{
    [Function(nameof(RevokeKey))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.Prefix + "/" + ApiRoutes.Key)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.RevokeAsync(req.HttpContext, id, cancellationToken);
}
