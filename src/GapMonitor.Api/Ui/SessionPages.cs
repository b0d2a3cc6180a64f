using GapMonitor.Api.Auth;
using GapMonitor.Api.Pipeline;
using GapMonitor.Core.Keys;
using GapMonitor.Web.Layout;
using GapMonitor.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Api.Ui;

/// <summary><c>GET /</c> (sign in), <c>POST /ui/session</c> (sign in with a key), <c>POST /ui/session/end</c> (sign out), and the stylesheet.</summary>
public sealed class SessionPages(ConsoleResponder responder, ApiKeyAuthenticator authenticator, ConsoleSessionCookie cookies, ILogger<SessionPages> logger)
{
    public Task<IResult> HomeAsync(HttpContext http, CancellationToken cancellationToken) => responder.AnonymousAsync(http, async cancellationToken =>
    {
        if (await responder.SignedInAsync(http, cancellationToken) is not null)
        {
            return ConsoleAnswer.Redirect(ConsoleLinks.Fleet);
        }

        return await SignInPageAsync(StatusCodes.Status200OK, LocalNext(http.Request.Query[ConsoleForms.NextField].ToString()), error: null);
    }, cancellationToken);

    public Task<IResult> SignInAsync(HttpContext http, CancellationToken cancellationToken) => responder.AnonymousAsync(http, async cancellationToken =>
    {
        if (!cookies.IsEnabled)
        {
            return await SignInPageAsync(StatusCodes.Status503ServiceUnavailable, next: null, error: null);
        }

        var form = await ConsoleResponder.ReadFormAsync(http, cancellationToken);
        if (form is null || !ConsoleResponder.IsSameOrigin(http))
        {
            logger.LogWarning("Console sign-in refused: not a same-origin form post");
            return await responder.MessageAsync(StatusCodes.Status403Forbidden, "Sign-in refused", "This sign-in did not come from this site's own form. Nothing was changed.", null);
        }

        var next = LocalNext(form[ConsoleForms.NextField].ToString());
        var principal = await authenticator.AuthenticateKeyAsync(form[ConsoleForms.KeyField].ToString(), http, cancellationToken);
        if (principal is null || principal.Role == Role.Ingest)
        {
            logger.LogInformation("Console sign-in failed ({Reason})", principal is null ? "unknown, revoked or expired key" : "ingest key");
            return await SignInPageAsync(
                StatusCodes.Status401Unauthorized,
                next,
                principal is null
                    ? "That key was not accepted. Check it and try again: it may be mistyped, revoked or expired."
                    : "Ingest keys cannot sign in to the console. Use an admin, vendor or customer key.");
        }

        logger.LogInformation("Console sign-in of {Principal} ({Role})", principal.Name, principal.Role);
        return ConsoleAnswer.Redirect(next ?? ConsoleLinks.Fleet, responder.StartSession(http, principal));
    }, cancellationToken);

    public Task<IResult> SignOutAsync(HttpContext http, CancellationToken cancellationToken) => responder.FormAsync(http, (context, _, _) =>
    {
        logger.LogInformation("Console sign-out of {Principal}", context.Principal.Name);
        return Task.FromResult(ConsoleAnswer.Redirect(ConsoleLinks.Home, ConsoleResponder.EndSession(http)));
    }, cancellationToken);

    public Task<IResult> StylesheetAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromResult<IResult>(ApiResponse.Empty(499));
        }

        return Task.FromResult<IResult>(ApiResponse.Raw(StatusCodes.Status200OK, ConsoleStyles.Css, "text/css; charset=utf-8")
            .WithHeader("X-Content-Type-Options", "nosniff")
            .WithHeader("Cache-Control", "public, max-age=3600"));
    }

    /// <summary>
    /// Where sign-in may send the browser: a path of this site only. <c>//host</c> and <c>/\host</c> are other sites to
    /// a browser, so they (and anything not starting with one slash) fall back to the fleet.
    /// </summary>
    public static string? LocalNext(string? next) =>
        string.IsNullOrEmpty(next) || next.Length > 2000 || next[0] != '/' || next.StartsWith("//", StringComparison.Ordinal)
            || next.StartsWith("/\\", StringComparison.Ordinal) || next.Any(c => c is < ' ' or > '~')
            ? null
            : next;

    private async Task<ConsoleAnswer> SignInPageAsync(int status, string? next, string? error) =>
        ConsoleAnswer.Page(await responder.Html.RenderAsync<SignInPage>(new Dictionary<string, object?>
        {
            [nameof(SignInPage.Next)] = next,
            [nameof(SignInPage.Error)] = error,
            [nameof(SignInPage.Enabled)] = cookies.IsEnabled,
        }), status);
}
