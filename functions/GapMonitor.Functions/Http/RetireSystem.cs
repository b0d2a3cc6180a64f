using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class RetireSystem(SystemsApi api)
{
    [Function(nameof(RetireSystem))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.Prefix + "/" + ApiRoutes.SystemById)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.RetireAsync(req.HttpContext, id, cancellationToken);
}
