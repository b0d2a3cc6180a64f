using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Ui;

/// <summary><c>GET /ui/alerts/{id}</c> and its acknowledge form (<c>POST /ui/alerts/{id}/acknowledge</c>).</summary>
public sealed class AlertPage(ConsoleResponder responder)
{
    public Task<IResult> GetAsync(HttpContext http, string id, CancellationToken cancellationToken) => throw new NotImplementedException("helper h11c" + responder);

    public Task<IResult> AcknowledgeAsync(HttpContext http, string id, CancellationToken cancellationToken) => throw new NotImplementedException("helper h11c");
}
