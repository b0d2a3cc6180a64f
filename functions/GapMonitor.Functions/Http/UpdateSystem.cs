using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class UpdateSystem(SystemsApi api)
{
    [Function(nameof(UpdateSystem))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.Prefix + "/" + ApiRoutes.SystemById)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.UpdateAsync(req.HttpContext, id, cancellationToken);
}
