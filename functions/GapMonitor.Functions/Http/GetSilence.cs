using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class GetSilence(SilencesApi api)
{
    [Function(nameof(GetSilence))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + "/" + ApiRoutes.Silence)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.GetAsync(req.HttpContext, id, cancellationToken);
}
