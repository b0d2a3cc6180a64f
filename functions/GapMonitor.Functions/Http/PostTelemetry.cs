using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class PostTelemetry(TelemetryApi api)
{
    [Function(nameof(PostTelemetry))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + "/" + ApiRoutes.Telemetry)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.PostTelemetryAsync(req.HttpContext, id, cancellationToken);
}
