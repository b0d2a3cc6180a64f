using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class GetSystemStatus(StatusApi api)
{
    [Function(nameof(GetSystemStatus))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + "/" + ApiRoutes.SystemStatus)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.GetAsync(req.HttpContext, id, cancellationToken);
}
