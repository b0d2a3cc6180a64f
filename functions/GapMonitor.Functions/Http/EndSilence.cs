using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class EndSilence(SilencesApi api)
{
    [Function(nameof(EndSilence))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.Prefix + "/" + ApiRoutes.Silence)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.EndAsync(req.HttpContext, id, cancellationToken);
}
