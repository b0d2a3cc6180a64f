using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class AcknowledgeAlert(AlertsApi api)
{
    [Function(nameof(AcknowledgeAlert))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + "/" + ApiRoutes.AlertAcknowledge)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.AcknowledgeAsync(req.HttpContext, id, cancellationToken);
}
