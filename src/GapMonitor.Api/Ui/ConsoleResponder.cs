using GapMonitor.Api.Auth;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using GapMonitor.Web.Layout;
using GapMonitor.Web.Pages;
using GapMonitor.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Api.Ui;

/// <summary>
/// What every console route does around its handler, identically in both hosts: resolve the session (the key is checked
/// again on every request), check a form's anti-forgery token and origin, render, and add the security headers.
/// Failures become pages, never stack traces.
/// </summary>
public sealed class ConsoleResponder(
    ConsoleSessionCookie cookies,
    ApiKeyAuthenticator authenticator,
    ComponentHtml html,
    TimeProvider timeProvider,
    ILogger<ConsoleResponder> logger)
{
    /// <summary>A form post is a few fields; anything bigger is refused before it is read.</summary>
    public const long MaxFormBytes = 16 * 1024;

    private static readonly FormOptions FormLimits = new()
    {
        ValueCountLimit = 32,
        KeyLengthLimit = 64,
        ValueLengthLimit = 4096,
        MultipartBodyLengthLimit = MaxFormBytes,
        BufferBody = false,
    };

    public ComponentHtml Html => html;

    /// <summary>A GET of a signed-in page; without a valid session, a redirect to sign-in that comes back here.</summary>
    public Task<IResult> PageAsync(HttpContext http, Func<ConsoleContext, CancellationToken, Task<ConsoleAnswer>> handler, CancellationToken cancellationToken) =>
        RunAsync(http, async cancellationToken =>
        {
            var context = await SignedInAsync(http, cancellationToken);
            return context is null ? ConsoleAnswer.Redirect(SignInPath(http)) : await handler(context, cancellationToken);
        }, cancellationToken);

    /// <summary>A POST of a signed-in form: the session, its anti-forgery token and a same-origin request, or nothing happens.</summary>
    public Task<IResult> FormAsync(HttpContext http, Func<ConsoleContext, IFormCollection, CancellationToken, Task<ConsoleAnswer>> handler, CancellationToken cancellationToken) =>
        RunAsync(http, async cancellationToken =>
        {
            var context = await SignedInAsync(http, cancellationToken);
            if (context is null)
            {
                return ConsoleAnswer.Redirect(ConsoleLinks.Home);
            }

            var form = await ReadFormAsync(http, cancellationToken);
            if (form is null || !IsSameOrigin(http) || !cookies.IsValidFormToken(context.Session, form[ConsoleForms.TokenField].ToString()))
            {
                return await MessageAsync(StatusCodes.Status403Forbidden, "This form has expired", "Nothing was changed. Reload the page and try again.", context.Viewer);
            }

            return await handler(context, form, cancellationToken);
        }, cancellationToken);

    /// <summary>A route open to anyone (the sign-in page and form); the handler may still look at the session.</summary>
    public Task<IResult> AnonymousAsync(HttpContext http, Func<CancellationToken, Task<ConsoleAnswer>> handler, CancellationToken cancellationToken) =>
        RunAsync(http, handler, cancellationToken);

    /// <summary>The signed-in request, or null: no cookie, an altered or expired one, or a key revoked since.</summary>
    public async Task<ConsoleContext?> SignedInAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var claims = cookies.Read(PresentedCookie(http), timeProvider.GetUtcNow());
        if (claims is null)
        {
            return null;
        }

        var principal = await authenticator.ResolveSessionAsync(claims.Subject, cancellationToken);
        return principal is null || principal.Role == Role.Ingest
            ? null
            : new ConsoleContext(principal, new ConsoleViewer(principal.Name, principal.Role.ToString().ToLowerInvariant(), cookies.FormToken(claims)), claims);
    }

    /// <summary>The <c>Set-Cookie</c> value that starts a session of <paramref name="principal"/>. Max-Age, never Expires: no server clock reaches the browser.</summary>
    public string StartSession(HttpContext http, Principal principal)
    {
        ArgumentNullException.ThrowIfNull(http);
        var value = cookies.Issue(authenticator.SessionSubject(principal), timeProvider.GetUtcNow());
        return Cookie(http, value, (int)ConsoleSessionCookie.Lifetime.TotalSeconds);
    }

    /// <summary>The <c>Set-Cookie</c> value that ends the session in this browser.</summary>
    public static string EndSession(HttpContext http) => Cookie(http, "", 0);

    public async Task<ConsoleAnswer> MessageAsync(int status, string title, string message, ConsoleViewer? viewer) =>
        ConsoleAnswer.Page(await html.RenderAsync<MessagePage>(new Dictionary<string, object?>
        {
            [nameof(MessagePage.Title)] = title,
            [nameof(MessagePage.Message)] = message,
            [nameof(MessagePage.Viewer)] = viewer,
        }), status);

    /// <summary>Another tenant's resource and a missing one look the same.</summary>
    public Task<ConsoleAnswer> NotFoundAsync(ConsoleViewer viewer) =>
        MessageAsync(StatusCodes.Status404NotFound, "Not found", "There is nothing here, or it is not yours to see.", viewer);

    /// <summary>The form of the request, or null when it is not a small urlencoded form.</summary>
    public static async Task<IFormCollection?> ReadFormAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Request.HasFormContentType
            || !http.Request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || http.Request.ContentLength is not { } length || length > MaxFormBytes)
        {
            return null;
        }

        try
        {
            return await http.Request.ReadFormAsync(FormLimits, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException or BadHttpRequestException)
        {
            return null;
        }
    }

    /// <summary>
    /// Browsers say where a form came from: a cross-site post is refused even before its token is checked
    /// (Sec-Fetch-Site where sent, else Origin against this request's own origin).
    /// </summary>
    public static bool IsSameOrigin(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var site = http.Request.Headers["Sec-Fetch-Site"].ToString();
        if (!string.IsNullOrEmpty(site))
        {
            return site is "same-origin" or "none";
        }

        var origin = http.Request.Headers.Origin.ToString();
        return string.IsNullOrEmpty(origin)
            || string.Equals(origin, $"{http.Request.Scheme}://{http.Request.Host}", StringComparison.OrdinalIgnoreCase)
            || string.Equals(origin, ForwardedOrigin(http), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The origin the browser saw when a proxy (the Functions front end) forwarded the request, or null.</summary>
    private static string? ForwardedOrigin(HttpContext http)
    {
        var proto = FirstForwarded(http, "X-Forwarded-Proto");
        var host = FirstForwarded(http, "X-Forwarded-Host");
        return proto is null && host is null ? null : $"{proto ?? http.Request.Scheme}://{host ?? http.Request.Host.ToString()}";
    }

    private static string? FirstForwarded(HttpContext http, string header)
    {
        var value = http.Request.Headers[header].ToString().Split(',')[0].Trim();
        return value.Length == 0 ? null : value;
    }

    private async Task<IResult> RunAsync(HttpContext http, Func<CancellationToken, Task<ConsoleAnswer>> handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var requestCancellation = cancellationToken == http.RequestAborted ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, http.RequestAborted);
        var token = requestCancellation?.Token ?? cancellationToken;
        ConsoleAnswer answer;
        try
        {
            token.ThrowIfCancellationRequested();
            answer = await handler(token);
        }
        catch (StorageUnavailableException ex)
        {
            logger.LogWarning(ex, "Storage unavailable during {Method} {Path}", http.Request.Method, http.Request.Path);
            answer = await MessageAsync(StatusCodes.Status503ServiceUnavailable, "Try again in a moment", "The service cannot reach its storage right now. Nothing was changed.", null);
        }
        catch (ConcurrencyConflictException)
        {
            answer = await MessageAsync(StatusCodes.Status409Conflict, "Try again", "This changed at the same moment. Nothing was changed by this request; go back and try again.", null);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return Results.StatusCode(499);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "Console request {Method} {Path} failed", http.Request.Method, http.Request.Path);
            answer = await MessageAsync(StatusCodes.Status500InternalServerError, "Something went wrong", "This page could not be shown. Nothing was changed by this request; try again later.", null);
        }

        return ToResult(answer);
    }

    private static IResult ToResult(ConsoleAnswer answer)
    {
        var response = answer.Location is { } location
            ? Pipeline.ApiResponse.Empty(answer.Status).WithHeader("Location", location)
            : Pipeline.ApiResponse.Raw(answer.Status, answer.Html, "text/html; charset=utf-8");
        foreach (var (name, value) in ConsoleHeaders.All)
        {
            response.WithHeader(name, value);
        }

        if (answer.SetCookie is { } cookie)
        {
            response.WithHeader("Set-Cookie", cookie);
        }

        return answer.Status == StatusCodes.Status503ServiceUnavailable ? response.WithHeader("Retry-After", "5") : response;
    }

    /// <summary>Over https only the <c>__Host-</c> cookie counts: a plain-named one could have been planted by a sibling host.</summary>
    private static string? PresentedCookie(HttpContext http) =>
        http.Request.Cookies.TryGetValue(IsHttps(http) ? ConsoleSessionCookie.SecureName : ConsoleSessionCookie.PlainName, out var value) ? value : null;

    private static bool IsHttps(HttpContext http) =>
        http.Request.IsHttps || string.Equals(http.Request.Headers["X-Forwarded-Proto"].ToString(), "https", StringComparison.OrdinalIgnoreCase);

    private static string Cookie(HttpContext http, string value, int maxAgeSeconds) => IsHttps(http)
        ? $"{ConsoleSessionCookie.SecureName}={value}; Path=/; Max-Age={maxAgeSeconds}; Secure; HttpOnly; SameSite=Strict"
        : $"{ConsoleSessionCookie.PlainName}={value}; Path=/; Max-Age={maxAgeSeconds}; HttpOnly; SameSite=Strict";

    private static string SignInPath(HttpContext http) =>
        ConsoleLinks.Home + "?" + ConsoleForms.NextField + "=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString);
}
