using GapMonitor.Api.Hosting;
using GapMonitor.Api.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class ConsoleFleet(FleetPage api)
{
    [Function(nameof(ConsoleFleet))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ConsoleRoutes.Fleet)] HttpRequest req, CancellationToken cancellationToken) =>
        api.GetAsync(req.HttpContext, cancellationToken);
}
