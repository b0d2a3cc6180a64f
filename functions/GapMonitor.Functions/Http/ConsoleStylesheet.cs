using GapMonitor.Api.Hosting;
using GapMonitor.Api.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class ConsoleStylesheet(SessionPages api)
{
    [Function(nameof(ConsoleStylesheet))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ConsoleRoutes.Stylesheet)] HttpRequest req, CancellationToken cancellationToken) =>
        api.StylesheetAsync(req.HttpContext, cancellationToken);
}
