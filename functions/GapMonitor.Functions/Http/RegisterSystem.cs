using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class RegisterSystem(SystemsApi api)
{
    [Function(nameof(RegisterSystem))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + "/" + ApiRoutes.Systems)] HttpRequest req, CancellationToken cancellationToken) =>
        api.CreateAsync(req.HttpContext, cancellationToken);
}
