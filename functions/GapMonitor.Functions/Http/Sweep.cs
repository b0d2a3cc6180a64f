using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class Sweep(OperationsApi api)
{
    [Function(nameof(Sweep))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + "/" + ApiRoutes.Sweep)] HttpRequest req, CancellationToken cancellationToken) =>
        api.SweepAsync(req.HttpContext, cancellationToken);
}
