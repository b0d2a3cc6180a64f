using Microsoft.Playwright;

namespace GapMonitor.Browser.Tests.Console;

[Collection(ConsoleCollection.Name)]
public sealed class AlertJourneyTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task AnOpenAlert_IsAcknowledgedFromItsPage_ButNotByAPostWithoutTheFormToken()
    {
        var alertId = fixture.Seed.ContosoSecondAlertId;
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await ConsolePages.SignInAsync(page, fixture.Seed.ContosoKey);
        await ConsolePages.VisitAsync(page, "/ui/alerts/" + alertId);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Alert: monitoring-silent");
        await Assertions.Expect(page.Locator(".facts .state-bad")).ToHaveTextAsync("open");
        Assert.Equal("/ui/systems/" + ConsoleSeed.LapsedSystem, await page.GetByRole(AriaRole.Link, new() { Name = "Fraud scoring" }).GetAttributeAsync("href"));

        var forged = await context.APIRequest.PostAsync("/ui/alerts/" + alertId + "/acknowledge", new() { Form = Form(context, "note", "forged") });
        Assert.Equal(403, forged.Status);
        var crossSite = await context.APIRequest.PostAsync("/ui/alerts/" + alertId + "/acknowledge", new()
        {
            Form = Form(context, "_form_token", await page.Locator("input[name=_form_token]").First.GetAttributeAsync("value") ?? ""),
            Headers = new Dictionary<string, string> { ["Sec-Fetch-Site"] = "cross-site" },
        });
        Assert.Equal(403, crossSite.Status);
        Assert.Equal("open", await StateAsync(alertId));

        await page.GetByLabel("Note (optional)").FillAsync("Looking into the scorer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        Assert.EndsWith("/ui/alerts/" + alertId, page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator(".facts .state-warn")).ToHaveTextAsync("acknowledged");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" })).ToHaveCountAsync(0);
        await ConsolePages.VisitAsync(page, "/ui/alerts/" + alertId);

        var alert = await fixture.Host.JsonAsync(HttpMethod.Get, "/api/alerts/" + alertId, fixture.Seed.ContosoKey);
        Assert.Equal("acknowledged", alert.GetProperty("state").GetString());
        Assert.Equal("Looking into the scorer", alert.GetProperty("acknowledgementNote").GetString());
        Assert.Equal("vendor:" + ConsoleSeed.Contoso, alert.GetProperty("acknowledgedBy").GetString());
    }

    [Fact]
    public async Task AnotherTenantsAlert_IsNotFound_AndCannotBeAcknowledged()
    {
        var alertId = fixture.Seed.FabrikamAlertId;
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await ConsolePages.SignInAsync(page, fixture.Seed.ContosoKey);
        await ConsolePages.VisitAsync(page, "/ui/alerts/" + alertId, expectedStatus: 404);
        Assert.DoesNotContain(ConsoleSeed.OtherTenantSystem, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await ConsolePages.VisitAsync(page, "/ui/alerts/acme-churn.00000000000000000000000000000000", expectedStatus: 404);

        await page.GotoAsync("/ui/fleet");
        var token = await page.Locator("input[name=_form_token]").First.GetAttributeAsync("value") ?? "";
        var post = await context.APIRequest.PostAsync("/ui/alerts/" + alertId + "/acknowledge", new() { Form = Form(context, "_form_token", token) });
        Assert.Equal(404, post.Status);
        var alert = await fixture.Host.JsonAsync(HttpMethod.Get, "/api/alerts/" + alertId, fixture.Seed.FabrikamKey);
        Assert.Equal("open", alert.GetProperty("state").GetString());
    }

    [Fact]
    public async Task AnotherTenantsSystemPage_IsNotFound()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await ConsolePages.SignInAsync(page, fixture.Seed.ContosoKey);
        await ConsolePages.VisitAsync(page, "/ui/systems/" + ConsoleSeed.OtherTenantSystem, expectedStatus: 404);
    }

    private async Task<string?> StateAsync(string alertId) =>
        (await fixture.Host.JsonAsync(HttpMethod.Get, "/api/alerts/" + alertId, ConsoleHost.AdminKey)).GetProperty("state").GetString();

    private static IFormData Form(IBrowserContext context, string name, string value)
    {
        var form = context.APIRequest.CreateFormData();
        form.Set(name, value);
        return form;
    }
}
