using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class ListDriftWindows(TelemetryApi api)
{
    [Function(nameof(ListDriftWindows))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + "/" + ApiRoutes.DriftWindows)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.ListDriftAsync(req.HttpContext, id, cancellationToken);
}
