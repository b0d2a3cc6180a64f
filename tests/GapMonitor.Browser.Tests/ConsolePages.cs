using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace GapMonitor.Browser.Tests;

/// <summary>What the journeys do on every page: sign in, and check a visited page (axe, security headers, page weight).</summary>
public static class ConsolePages
{
    /// <summary>A page's document and stylesheet together may transfer at most this many bytes.</summary>
    public const long MaxPageBytes = 200 * 1024;

    /// <summary>How long one browser-protocol step may take before the test fails naming it, instead of hanging the run.</summary>
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    public static async Task SignInAsync(IPage page, string key)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("API key").FillAsync(key);
        // A click does not wait for the navigation it starts: without waiting for the form's answer (and its cookie), the
        // next GotoAsync can race the sign-in and land on the sign-in page.
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(),
            response => response.Request.Method == "POST" && new Uri(response.Url).AbsolutePath == "/ui/session");
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>
    /// Goes to <paramref name="path"/> and checks the page: its headers, its weight and axe. Returns the main document's response.
    /// </summary>
    public static async Task<IResponse> VisitAsync(IPage page, string path, int expectedStatus = 200)
    {
        var responses = new List<IResponse>();
        void Collect(object? sender, IResponse response) => responses.Add(response);
        page.Response += Collect;
        IResponse? document;
        try
        {
            document = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
        }
        finally
        {
            page.Response -= Collect;
        }

        Assert.NotNull(document);
        Assert.Equal(expectedStatus, document.Status);
        await CheckAsync(page, document, responses);
        return document;
    }

    /// <summary>The checks of <see cref="VisitAsync"/> for a page reached another way (a form post, a redirect).</summary>
    public static async Task CheckAsync(IPage page, IResponse document, IReadOnlyList<IResponse> responses)
    {
        var headers = await document.AllHeadersAsync();
        Assert.Contains("default-src 'none'", headers.GetValueOrDefault("content-security-policy") ?? "", StringComparison.Ordinal);
        Assert.Equal("nosniff", headers.GetValueOrDefault("x-content-type-options"));
        Assert.Equal("no-referrer", headers.GetValueOrDefault("referrer-policy"));

        long bytes = 0;
        foreach (var response in responses)
        {
            bytes += await TransferredBytesAsync(response);
        }

        Assert.True(bytes <= MaxPageBytes, $"{page.Url}: {bytes} bytes transferred (at most {MaxPageBytes}).");

        var axe = await page.RunAxe().WaitAsync(StepTimeout);
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}: axe found " + string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }

    /// <summary>
    /// The response's body and header bytes. Not <c>IRequest.SizesAsync</c>: in Chromium it sometimes never resolves
    /// (microsoft/playwright#9350), which hung a whole run once; the host sends no compressed bodies, so the body's length is what went over the wire.
    /// </summary>
    private static async Task<long> TransferredBytesAsync(IResponse response)
    {
        var body = await response.BodyAsync().WaitAsync(StepTimeout);
        var headers = await response.HeadersArrayAsync().WaitAsync(StepTimeout);
        return body.LongLength + headers.Sum(h => (long)h.Name.Length + h.Value.Length + 4);
    }

    /// <summary>A full-page screenshot into the test results; also into docs/screenshots with GAPMONITOR_UPDATE_SCREENSHOTS=1, so the README's pictures stay true.</summary>
    public static async Task SaveScreenshotAsync(IPage page, string resultsDirectory, string name)
    {
        var bytes = await page.ScreenshotAsync(new() { FullPage = true, Path = Path.Combine(resultsDirectory, name) });
        if (Environment.GetEnvironmentVariable("GAPMONITOR_UPDATE_SCREENSHOTS") == "1")
        {
            var docs = Path.Combine(Testing.RepositoryRoot.Path, "docs", "screenshots");
            Directory.CreateDirectory(docs);
            await File.WriteAllBytesAsync(Path.Combine(docs, name), bytes);
        }
    }
}
