using System.Net;
using System.Text.RegularExpressions;

namespace GapMonitor.Cli.Demo;

/// <summary>
/// The web console as the demo shows it: where it is, which key to paste, and proof that it works — the demo signs in
/// with the vendor's key through the sign-in form, as a browser would, and reads the fleet page.
/// </summary>
internal sealed partial class DemoConsole(Uri serviceUrl)
{
    /// <summary>The sign-in lines: the console's address and the keys to paste.</summary>
    public static IReadOnlyList<string> SignInLines(Uri serviceUrl, string vendor, string vendorKey, string adminKey, string systemId)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        return
        [
            $"Console: {new Uri(serviceUrl, "/")} — sign in by pasting {vendor}'s vendor key: {vendorKey}",
            $"(the admin key {adminKey} sees every tenant; a customer key only its own systems)",
            $"A drifted system with its charts: {new Uri(serviceUrl, "/ui/systems/" + Uri.EscapeDataString(systemId))}",
        ];
    }

    /// <summary>Signs in with <paramref name="key"/> and opens the fleet page; what it shows, or why it could not.</summary>
    public async Task<DemoFleetPage> OpenFleetAsync(string key, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = serviceUrl };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = key, ["next"] = "/ui/fleet" });
        using var signIn = await http.PostAsync(new Uri("/ui/session", UriKind.Relative), form, cancellationToken);
        var cookie = signIn.Headers.TryGetValues("Set-Cookie", out var values) ? values.FirstOrDefault()?.Split(';')[0] : null;
        if (signIn.StatusCode is not (HttpStatusCode.SeeOther or HttpStatusCode.Redirect or HttpStatusCode.Found) || string.IsNullOrEmpty(cookie))
        {
            return DemoFleetPage.Failed($"sign-in answered {(int)signIn.StatusCode}");
        }

        var location = signIn.Headers.Location?.OriginalString ?? "/ui/fleet";
        using var request = new HttpRequestMessage(HttpMethod.Get, location);
        request.Headers.Add("Cookie", cookie);
        using var page = await http.SendAsync(request, cancellationToken);
        var html = await page.Content.ReadAsStringAsync(cancellationToken);
        if (page.StatusCode != HttpStatusCode.OK)
        {
            return DemoFleetPage.Failed($"{location} answered {(int)page.StatusCode}");
        }

        var signedInAs = SignedInAs().Match(html) is { Success: true } who ? WebUtility.HtmlDecode(who.Groups[1].Value) : null;
        var systems = SystemLink().Matches(html).Select(m => Uri.UnescapeDataString(m.Groups[1].Value)).Distinct(StringComparer.Ordinal).ToList();
        return new DemoFleetPage(new Uri(serviceUrl, location), signedInAs, systems, null);
    }

    [GeneratedRegex("Signed in as <strong>([^<]*)</strong>", RegexOptions.CultureInvariant)]
    private static partial Regex SignedInAs();

    [GeneratedRegex("href=\"/ui/systems/([^\"?#]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex SystemLink();
}
