using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class ListSilences(SilencesApi api)
{
    [Function(nameof(ListSilences))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + "/" + ApiRoutes.Silences)] HttpRequest req, CancellationToken cancellationToken) =>
        api.ListAsync(req.HttpContext, cancellationToken);
}
