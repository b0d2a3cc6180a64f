using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class PatchSystem(SystemPatchApi api)
{
    [Function(nameof(PatchSystem))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = ApiRoutes.Prefix + "/" + ApiRoutes.SystemById)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.PatchAsync(req.HttpContext, id, cancellationToken);
}
