using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class PostHeartbeat(SignalsApi api)
{
    [Function(nameof(PostHeartbeat))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + "/" + ApiRoutes.Heartbeats)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.HeartbeatAsync(req.HttpContext, id, cancellationToken);
}
