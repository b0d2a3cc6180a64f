using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class PutReference(TelemetryApi api)
{
    [Function(nameof(PutReference))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.Prefix + "/" + ApiRoutes.Reference)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.PutReferenceAsync(req.HttpContext, id, cancellationToken);
}
