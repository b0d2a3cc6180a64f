using GapMonitor.Api.Pages;
using GapMonitor.Api.Pipeline;
using GapMonitor.Core.ActionLinks;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Ports;
using GapMonitor.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Api.Endpoints;

/// <summary>
/// <c>/act/{token}</c>: GET shows what the link will do and changes nothing (mail scanners open links); POST does it.
/// No API key: the signed token is the capability.
/// </summary>
public sealed class ActionLinksApi(ActionLinkUse links, ComponentHtml html, ILogger<ActionLinksApi> logger)
{
    public const string HtmlContentType = "text/html; charset=utf-8";

    public Task<IResult> GetAsync(HttpContext http, string token, CancellationToken cancellationToken) =>
        AnswerAsync(http, token, () => links.PreviewAsync(token, cancellationToken), cancellationToken);

    public Task<IResult> PostAsync(HttpContext http, string token, CancellationToken cancellationToken) =>
        AnswerAsync(http, token, () => links.ActAsync(token, cancellationToken), cancellationToken);

    private async Task<IResult> AnswerAsync(HttpContext http, string token, Func<Task<ActionLinkPage>> use, CancellationToken cancellationToken)
    {
        ActionLinkPage page;
        var status = StatusCodes.Status200OK;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            page = await use();
            status = page.Kind switch
            {
                ActionLinkPageKind.NotFound => StatusCodes.Status404NotFound,
                ActionLinkPageKind.Expired => StatusCodes.Status410Gone,
                _ => StatusCodes.Status200OK,
            };
        }
        catch (StorageUnavailableException ex)
        {
            logger.LogWarning(ex, "Storage unavailable during {Method} of an action link", http.Request.Method);
            page = new ActionLinkPage(ActionLinkPageKind.Information, "Try again in a moment", "The service cannot reach its storage right now. Nothing was changed.");
            status = StatusCodes.Status503ServiceUnavailable;
        }
        catch (ConcurrencyConflictException)
        {
            page = new ActionLinkPage(ActionLinkPageKind.Information, "Try again", "The system changed at the same moment. Nothing was changed by this request; open the link again.");
            status = StatusCodes.Status409Conflict;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ApiResponse.Empty(499);
        }

        var response = ApiResponse.Raw(status, await ActionLinkHtml.RenderAsync(html, page, token), HtmlContentType)
            .WithHeader("Content-Security-Policy", ActionLinkHtml.ContentSecurityPolicy)
            .WithHeader("X-Content-Type-Options", "nosniff")
            .WithHeader("Referrer-Policy", "no-referrer")
            .WithHeader("Cache-Control", "no-store");
        return status == StatusCodes.Status503ServiceUnavailable ? response.WithHeader("Retry-After", "5") : response;
    }
}
