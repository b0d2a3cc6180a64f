using Microsoft.Playwright;

namespace GapMonitor.Browser.Tests.Console;

[Collection(ConsoleCollection.Name)]
public sealed class FleetJourneyTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task TheFleet_ShowsTheVendorsSystems_LapsedFirst_Sortable_AndFiltered()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await ConsolePages.SignInAsync(page, fixture.Seed.ContosoKey);
        await ConsolePages.VisitAsync(page, "/ui/fleet");

        var ids = await SystemIdsAsync(page);
        Assert.Equal(3, ids.Count);
        Assert.Equal([ConsoleSeed.DriftedSystem, ConsoleSeed.LapsedSystem], ids.Take(2).Order(StringComparer.Ordinal));
        Assert.Equal(ConsoleSeed.HealthySystem, ids[2]);
        Assert.DoesNotContain(ConsoleSeed.OtherTenantSystem, await page.ContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#fleet-totals")).ToContainTextAsync("2 lapsed");
        var lapsedRow = page.Locator("tbody tr").First;
        await Assertions.Expect(lapsedRow.Locator(".state-bad").First).ToHaveTextAsync("Lapsed");
        await ConsolePages.SaveScreenshotAsync(page, fixture.ResultsDirectory, "fleet.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "System", Exact = true }).ClickAsync();
        Assert.Contains("sort=name", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("th[aria-sort=ascending]")).ToHaveTextAsync("System");
        Assert.Equal(["acme-churn", "acme-forecast", "acme-fraud"], await SystemIdsAsync(page));
        await page.GetByRole(AriaRole.Link, new() { Name = "System", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("th[aria-sort=descending]")).ToHaveTextAsync("System");
        Assert.Equal(["acme-fraud", "acme-forecast", "acme-churn"], await SystemIdsAsync(page));

        await page.GetByLabel("Customer").FillAsync("initech");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        Assert.Equal([ConsoleSeed.HealthySystem], await SystemIdsAsync(page));
        Assert.Contains("customer=initech", page.Url, StringComparison.Ordinal);

        await page.GotoAsync("/ui/fleet?state=lapsed");
        Assert.Equal(2, (await SystemIdsAsync(page)).Count);
        await page.GotoAsync("/ui/fleet?owner=customer");
        Assert.Equal([ConsoleSeed.DriftedSystem, ConsoleSeed.LapsedSystem], (await SystemIdsAsync(page)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheFleet_PagesWithTheFleetsCursor_AndRowsLinkToTheirSystemPage()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await ConsolePages.SignInAsync(page, ConsoleHost.AdminKey);
        await ConsolePages.VisitAsync(page, "/ui/fleet?limit=3&sort=name");
        Assert.Equal(3, (await SystemIdsAsync(page)).Count);
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        Assert.Equal([ConsoleSeed.OtherTenantSystem], await SystemIdsAsync(page));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Next page" })).ToHaveCountAsync(0);

        await page.GotoAsync("/ui/fleet");
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Demand forecast" });
        Assert.Equal("/ui/systems/" + ConsoleSeed.HealthySystem, await link.GetAttributeAsync("href"));
    }

    private static async Task<IReadOnlyList<string>> SystemIdsAsync(IPage page) =>
        [.. (await page.Locator("tbody tr td:nth-child(2) .muted").AllTextContentsAsync()).Select(t => t.Trim())];
}
