using System.Net;
using System.Text;
using GapMonitor.Core.ActionLinks;

namespace GapMonitor.Api.Pages;

/// <summary>
/// An <c>/act/{token}</c> page: small, self-contained HTML (no script, no external resource). A page that offers the
/// action has one form whose button POSTs back to the same URL.
/// </summary>
public static class ActionLinkHtml
{
    /// <summary>Nothing may load, run or frame the page; the form may post only back to this service.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static string Render(ActionLinkPage page, string token)
    {
        ArgumentNullException.ThrowIfNull(page);
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\">")
            .Append("<title>").Append(E(page.Title)).Append(" · GapMonitor</title>")
            .Append("<style>body{font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em;line-height:1.4}")
            .Append("th{text-align:left;padding-right:1em;vertical-align:top}button{font-size:1.1em;padding:.5em 1.5em}</style></head>\n<body>\n")
            .Append("<h1>").Append(E(page.Title)).Append("</h1>\n<p>").Append(E(page.Message)).Append("</p>\n");
        if (page.Items.Count > 0)
        {
            html.Append("<ul>\n");
            foreach (var item in page.Items)
            {
                html.Append("<li>").Append(E(item)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        if (page.Facts.Count > 0)
        {
            html.Append("<table>\n");
            foreach (var fact in page.Facts)
            {
                html.Append("<tr><th>").Append(E(fact.Label)).Append("</th><td>").Append(E(fact.Value)).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        if (page.Kind == ActionLinkPageKind.Confirm && page.Button is { } button)
        {
            // The action relative to this page's own URL (/act/{token}), so it posts back to the same link.
            // No anti-forgery token: the signed link itself is the capability, and a cross-site page that could
            // submit this form already knows the link; there is no cookie or session that a forged request could ride on.
            html.Append("<form method=\"post\" action=\"").Append(E(Uri.EscapeDataString(token))).Append("\">")
                .Append("<button type=\"submit\">").Append(E(button)).Append("</button></form>\n")
                .Append("<p><small>Nothing happens until you press the button.</small></p>\n");
        }

        return html.Append("</body></html>\n").ToString();
    }
}
