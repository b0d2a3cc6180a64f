using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class CreateKey(KeysApi api)
{
    [Function(nameof(CreateKey))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + "/" + ApiRoutes.Keys)] HttpRequest req, CancellationToken cancellationToken) =>
        api.CreateAsync(req.HttpContext, cancellationToken);
}
