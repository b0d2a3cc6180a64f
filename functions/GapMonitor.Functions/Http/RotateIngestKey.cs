using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class RotateIngestKey(IngestKeyApi api)
{
    [Function(nameof(RotateIngestKey))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + "/" + ApiRoutes.SystemIngestKey)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.RotateAsync(req.HttpContext, id, cancellationToken);
}
