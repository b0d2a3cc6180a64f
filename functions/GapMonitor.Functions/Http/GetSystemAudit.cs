using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class GetSystemAudit(SystemsApi api)
{
    [Function(nameof(GetSystemAudit))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + "/" + ApiRoutes.SystemAudit)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.AuditAsync(req.HttpContext, id, cancellationToken);
}
