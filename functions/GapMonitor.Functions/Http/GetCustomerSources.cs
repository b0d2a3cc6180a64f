using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class GetCustomerSources(CustomersApi api)
{
    [Function(nameof(GetCustomerSources))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + "/" + ApiRoutes.CustomerSources)] HttpRequest req, string customer, CancellationToken cancellationToken) =>
        api.GetSourcesAsync(req.HttpContext, customer, cancellationToken);
}
