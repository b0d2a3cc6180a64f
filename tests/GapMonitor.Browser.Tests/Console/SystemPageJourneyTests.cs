using Deque.AxeCore.Playwright;
using GapMonitor.Drift;
using GapMonitor.Drift.Distributions;
using GapMonitor.Web.Drift;
using GapMonitor.Web.Rendering;
using Microsoft.Playwright;

namespace GapMonitor.Browser.Tests.Console;

/// <summary>
/// From the fleet to a drifted system's page: its charts are images with accessible names and text alternatives, axe
/// finds nothing serious, the page stays under 200 KB; another tenant's system is not found; and the standalone HTML
/// drift report renders its charts. Screenshots of both go to the test results (and docs/screenshots on request).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class SystemPageJourneyTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task ADriftedSystem_OpenedFromTheFleet_ShowsItsChartsWithAccessibleNames()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await ConsolePages.SignInAsync(page, fixture.Seed.ContosoKey);
        await page.GotoAsync("/ui/fleet");
        await page.GetByRole(AriaRole.Link, new() { Name = "Churn model" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(fixture.Host.BaseAddress.AbsoluteUri.TrimEnd('/') + "/ui/systems/" + ConsoleSeed.DriftedSystem);

        await ConsolePages.VisitAsync(page, "/ui/systems/" + ConsoleSeed.DriftedSystem);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Churn model", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Heartbeats, last 24 hours" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Heartbeats, last 7 days" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Share of drifted columns per window" })).ToBeVisibleAsync();
        var charts = page.Locator("svg[role=img]");
        Assert.True(await charts.CountAsync() >= 3);
        foreach (var chart in await charts.AllAsync())
        {
            var name = await chart.GetAttributeAsync("aria-label") ?? await chart.GetAttributeAsync("aria-labelledby");
            Assert.False(string.IsNullOrWhiteSpace(name));
        }

        await Assertions.Expect(page.Locator("#drift-share-summary")).ToContainTextAsync("1 with dataset drift");
        await Assertions.Expect(page.Locator("#drift table.drift-columns")).ToContainTextAsync("tenure");
        await Assertions.Expect(page.Locator("#drift table.drift-columns")).ToContainTextAsync("plan");
        await ConsolePages.SaveScreenshotAsync(page, fixture.ResultsDirectory, "system.png");

        var alert = page.Locator("#alerts").GetByRole(AriaRole.Link, new() { Name = "drift-detected" });
        Assert.Equal("/ui/alerts/" + Uri.EscapeDataString(fixture.Seed.ContosoAlertId), await alert.GetAttributeAsync("href"));
    }

    [Fact]
    public async Task AnotherTenantsSystemPage_IsNotFound()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await ConsolePages.SignInAsync(page, fixture.Seed.ContosoKey);

        await ConsolePages.VisitAsync(page, "/ui/systems/" + ConsoleSeed.OtherTenantSystem, expectedStatus: 404);

        Assert.DoesNotContain("Vision QA", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHtmlDriftReport_ShowsEveryColumnsChart_AndPassesAxe()
    {
        var reference = Columns(i => 10 + (i % 9), i => (i % 3) switch { 0 => "basic", 1 => "pro", _ => "enterprise" });
        var current = Columns(i => 18 + (i % 9), i => i % 5 == 0 ? "pro" : "basic");
        var view = DriftReportView.FromReport(DriftCalculator.Compare(reference, current), DistributionCalculator.Compare(reference, current, DistributionCalculator.DefaultBars), "Drift report: churn inputs");
        var html = await ComponentHtml.Standalone().RenderAsync<DriftReportDocument>(new Dictionary<string, object?>
        {
            [nameof(DriftReportDocument.View)] = view,
            [nameof(DriftReportDocument.GeneratedAt)] = new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero),
            [nameof(DriftReportDocument.Subtitle)] = "reference.csv against current.csv",
        });
        await using var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 1280, Height = 800 }, JavaScriptEnabled = true });
        var page = await context.NewPageAsync();

        await page.SetContentAsync(html);

        Assert.Equal(2, await page.Locator("svg[role=img]").CountAsync());
        var axe = await page.RunAxe();
        Assert.DoesNotContain(axe.Violations, v => v.Impact is "serious" or "critical");
        await ConsolePages.SaveScreenshotAsync(page, fixture.ResultsDirectory, "drift-report.png");
    }

    private static IReadOnlyList<ColumnData> Columns(Func<int, double> tenure, Func<int, string> plan) =>
    [
        new NumericColumnData("tenure", [.. Enumerable.Range(0, 300).Select(tenure)]),
        new CategoricalColumnData("plan", [.. Enumerable.Range(0, 300).Select(plan)]),
    ];
}
