using GapMonitor.Api.Hosting;
using GapMonitor.Api.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class ConsoleSignOut(SessionPages api)
{
    [Function(nameof(ConsoleSignOut))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ConsoleRoutes.SessionEnd)] HttpRequest req, CancellationToken cancellationToken) =>
        api.SignOutAsync(req.HttpContext, cancellationToken);
}
