using Microsoft.Playwright;

namespace GapMonitor.Browser.Tests;

/// <summary>
/// One host, one seed and one Chromium for the whole run (every class in <see cref="ConsoleCollection"/>). Debian's
/// Chromium only: without it the run fails, it never downloads a browser.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private IPlaywright? _playwright;

    public ConsoleHost Host { get; private set; } = null!;

    public ConsoleSeed Seed { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: the test results folder of this run.</summary>
    public string ResultsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}: the browser tests need Debian's chromium package (apt-get install -y chromium fonts-dejavu-core; .ci/run does this). They never download a browser.");
        }

        Host = await ConsoleHost.StartAsync();
        Seed = await ConsoleSeed.CreateAsync(Host);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
        Directory.CreateDirectory(ResultsDirectory);
    }

    /// <summary>A fresh browser context (its own cookies) on the host.</summary>
    public Task<IBrowserContext> NewContextAsync() =>
        Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Host.BaseAddress.AbsoluteUri, ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
