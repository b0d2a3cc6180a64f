using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class CreateSilence(SilencesApi api)
{
    [Function(nameof(CreateSilence))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + "/" + ApiRoutes.Silences)] HttpRequest req, CancellationToken cancellationToken) =>
        api.CreateAsync(req.HttpContext, cancellationToken);
}
