using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Http;

public sealed class TestContacts(ContactsApi api)
{
    [Function(nameof(TestContacts))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + "/" + ApiRoutes.SystemContactsTest)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        api.TestAsync(req.HttpContext, id, cancellationToken);
}
