using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class PostLabels(LabelsApi api)
{
    [Function(nameof(PostLabels))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + "/" + ApiRoutes.Labels)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.PostAsync(req.HttpContext, id, cancellationToken);
}
