using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class GetSystem(SystemsApi api)
{
    [Function(nameof(GetSystem))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + "/" + ApiRoutes.SystemById)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.GetAsync(req.HttpContext, id, cancellationToken);
}
