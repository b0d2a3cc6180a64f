using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class ListMetrics(MetricsApi api)
{
    [Function(nameof(ListMetrics))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + "/" + ApiRoutes.Metrics)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.ListAsync(req.HttpContext, id, cancellationToken);
}
