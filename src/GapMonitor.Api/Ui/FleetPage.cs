using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Ui;

/// <summary><c>GET /ui/fleet</c>: every system in scope, lapsed first, sortable and filtered by vendor, customer and owner.</summary>
public sealed class FleetPage(ConsoleResponder responder)
{
    public Task<IResult> GetAsync(HttpContext http, CancellationToken cancellationToken) => throw new NotImplementedException("helper h11c" + responder);
}
