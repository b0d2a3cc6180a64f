using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class PutCustomerSources(CustomersApi api)
{
    [Function(nameof(PutCustomerSources))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.Prefix + "/" + ApiRoutes.CustomerSources)] HttpRequest req, string customer, CancellationToken cancellationToken) =>
        api.PutSourcesAsync(req.HttpContext, customer, cancellationToken);
}
