using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Ui;

/// <summary><c>GET /</c> (sign in), <c>POST /ui/session</c> (sign in with a key), <c>POST /ui/session/end</c> (sign out), and the stylesheet.</summary>
public sealed class SessionPages(ConsoleResponder responder)
{
    public Task<IResult> HomeAsync(HttpContext http, CancellationToken cancellationToken) => throw new NotImplementedException("helper h11c");

    public Task<IResult> SignInAsync(HttpContext http, CancellationToken cancellationToken) => throw new NotImplementedException("helper h11c");

    public Task<IResult> SignOutAsync(HttpContext http, CancellationToken cancellationToken) => throw new NotImplementedException("helper h11c");

    public IResult Stylesheet(HttpContext http) => throw new NotImplementedException("helper h11c" + responder);
}
