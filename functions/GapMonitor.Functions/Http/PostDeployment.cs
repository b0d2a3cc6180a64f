using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class PostDeployment(SignalsApi api)
{
    [Function(nameof(PostDeployment))]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Deployments)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.DeploymentAsync(req.HttpContext, id).AsActionAsync();
}
