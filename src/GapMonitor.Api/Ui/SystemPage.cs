using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Ui;

/// <summary><c>GET /ui/systems/{id}</c>: status, heartbeats, alerts, ownership, silences, drift and performance over time, distributions, scorecard, deliveries and audit.</summary>
public sealed class SystemPage(ConsoleResponder responder)
{
    public Task<IResult> GetAsync(HttpContext http, string id, CancellationToken cancellationToken) => throw new NotImplementedException("helper h11d" + responder);
}
