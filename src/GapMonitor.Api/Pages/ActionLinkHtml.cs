using GapMonitor.Api.Ui;
using GapMonitor.Core.ActionLinks;
using GapMonitor.Web.Pages;
using GapMonitor.Web.Rendering;

namespace GapMonitor.Api.Pages;

/// <summary>
/// An <c>/act/{token}</c> page: a console page without a viewer (no script; only the console's own stylesheet). A page
/// that offers the action has one form whose button POSTs back to the same URL.
/// </summary>
public static class ActionLinkHtml
{
    /// <summary>The console's policy: nothing may load but the stylesheet, nothing runs, the form posts only back here, nobody frames it.</summary>
    public const string ContentSecurityPolicy = ConsoleHeaders.ContentSecurityPolicy;

    public static Task<string> RenderAsync(ComponentHtml html, ActionLinkPage page, string token)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(page);
        return html.RenderAsync<ActionLinkView>(new Dictionary<string, object?>
        {
            [nameof(ActionLinkView.Page)] = page,
            [nameof(ActionLinkView.Token)] = token,
        });
    }
}
