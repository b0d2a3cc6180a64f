using GapMonitor.Api.Hosting;
using GapMonitor.Api.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class ConsoleHome(SessionPages api)
{
    [Function(nameof(ConsoleHome))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ConsoleRoutes.FunctionsHome)] HttpRequest req, CancellationToken cancellationToken) =>
        api.HomeAsync(req.HttpContext, cancellationToken);
}
