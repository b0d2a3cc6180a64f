using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class ShowActionLink(ActionLinksApi api)
{
    [Function(nameof(ShowActionLink))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PageRoutes.Act)] HttpRequest req, string token, CancellationToken cancellationToken) =>
        api.GetAsync(req.HttpContext, token, cancellationToken);
}
