using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class PostDeployment(SignalsApi api)
{
    [Function(nameof(PostDeployment))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + "/" + ApiRoutes.Deployments)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.DeploymentAsync(req.HttpContext, id, cancellationToken);
}
