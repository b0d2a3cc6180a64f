using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class UseActionLink(ActionLinksApi api)
{
    [Function(nameof(UseActionLink))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PageRoutes.Act)] HttpRequest req, string token, CancellationToken cancellationToken) =>
        api.PostAsync(req.HttpContext, token, cancellationToken);
}
