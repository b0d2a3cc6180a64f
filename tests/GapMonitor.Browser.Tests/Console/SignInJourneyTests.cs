using Microsoft.Playwright;

namespace GapMonitor.Browser.Tests.Console;

[Collection(ConsoleCollection.Name)]
public sealed class SignInJourneyTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task AVendorKey_SignsIn_ToTheFleet_AndSigningOut_EndsTheSession()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await ConsolePages.VisitAsync(page, "/");
        await ConsolePages.SignInAsync(page, fixture.Seed.ContosoKey);
        Assert.EndsWith("/ui/fleet", page.Url, StringComparison.Ordinal);
        var cookie = Assert.Single(await context.CookiesAsync());
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.DoesNotContain(fixture.Seed.ContosoKey, await page.ContentAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        Assert.Equal(fixture.Host.BaseAddress.AbsoluteUri, page.Url);
        Assert.Empty(await context.CookiesAsync());
        await page.GotoAsync("/ui/fleet");
        Assert.Equal(new Uri(fixture.Host.BaseAddress, "/?next=%2Fui%2Ffleet").AbsoluteUri, page.Url);
        await Assertions.Expect(page.GetByLabel("API key")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AWrongKey_ShowsAnError_AndNoSession()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByLabel("API key").FillAsync("gm_vendor_nope.wrongwrongwrong").ContinueWith(_ => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync()).Unwrap(),
            r => r.Url.EndsWith("/ui/session", StringComparison.Ordinal));
        Assert.Equal(401, answer.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not accepted");
        Assert.Empty(await context.CookiesAsync());
        Assert.DoesNotContain("wrongwrongwrong", await page.ContentAsync(), StringComparison.Ordinal);
        await ConsolePages.CheckAsync(page, answer, [answer]);
    }

    [Fact]
    public async Task SigningIn_FromALinkToAPage_ReturnsToIt_ButNeverToAnotherSite()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/ui/alerts/" + fixture.Seed.ContosoAlertId);
        Assert.Contains("/?next=", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("API key").FillAsync(fixture.Seed.ContosoKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.EndsWith("/ui/alerts/" + fixture.Seed.ContosoAlertId, page.Url, StringComparison.Ordinal);

        await using var other = await fixture.NewContextAsync();
        var elsewhere = await other.NewPageAsync();
        await elsewhere.GotoAsync("/?next=" + Uri.EscapeDataString("//evil.example/"));
        await ConsolePages.SignInAsync(elsewhere, fixture.Seed.ContosoKey);
        Assert.EndsWith("/ui/fleet", elsewhere.Url, StringComparison.Ordinal);
    }
}
