using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class Health(OperationsApi api)
{
    [Function(nameof(Health))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + "/" + ApiRoutes.Health)] HttpRequest req, CancellationToken cancellationToken) =>
        api.HealthAsync(req.HttpContext, cancellationToken);
}
