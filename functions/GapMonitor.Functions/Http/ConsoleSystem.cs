using GapMonitor.Api.Hosting;
using GapMonitor.Api.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class ConsoleSystem(SystemPage api)
{
    [Function(nameof(ConsoleSystem))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ConsoleRoutes.System)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.GetAsync(req.HttpContext, id, cancellationToken);
}
