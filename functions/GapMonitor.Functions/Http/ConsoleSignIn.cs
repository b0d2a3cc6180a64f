using GapMonitor.Api.Hosting;
using GapMonitor.Api.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class ConsoleSignIn(SessionPages api)
{
    [Function(nameof(ConsoleSignIn))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ConsoleRoutes.Session)] HttpRequest req, CancellationToken cancellationToken) =>
        api.SignInAsync(req.HttpContext, cancellationToken);
}
