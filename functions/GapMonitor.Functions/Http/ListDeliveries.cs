using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class ListDeliveries(ContactsApi api)
{
    [Function(nameof(ListDeliveries))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + "/" + ApiRoutes.SystemDeliveries)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.DeliveriesAsync(req.HttpContext, id, cancellationToken);
}
