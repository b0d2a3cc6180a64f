using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class OpenApi(OpenApiDocumentSource documents)
{
    [Function(nameof(OpenApi))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + "/" + ApiRoutes.OpenApi)] HttpRequest req, CancellationToken cancellationToken) =>
        documents.GetAsync(req.HttpContext, cancellationToken);
}
