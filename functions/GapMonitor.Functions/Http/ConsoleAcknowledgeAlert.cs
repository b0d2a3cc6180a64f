using GapMonitor.Api.Hosting;
using GapMonitor.Api.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class ConsoleAcknowledgeAlert(AlertPage api)
{
    [Function(nameof(ConsoleAcknowledgeAlert))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ConsoleRoutes.AlertAcknowledge)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.AcknowledgeAsync(req.HttpContext, id, cancellationToken);
}
