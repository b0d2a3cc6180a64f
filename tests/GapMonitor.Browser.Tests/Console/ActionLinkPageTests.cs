using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GapMonitor.Browser.Tests.Console;

[Collection(ConsoleCollection.Name)]
public sealed partial class ActionLinkPageTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task AnEmailedActionLink_OpensAConsolePage_WithoutSigningIn()
    {
        var text = string.Join("\n", fixture.Host.Smtp.Messages.Select(m => m.TextBody ?? m.HtmlBody ?? ""));
        var link = LinkPattern().Matches(text).Select(m => m.Value).FirstOrDefault();
        Assert.True(link is not null, "No action link in the seed's email: " + text[..Math.Min(text.Length, 400)]);

        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await ConsolePages.VisitAsync(page, new Uri(link).PathAndQuery);
        await Assertions.Expect(page.Locator("link[rel=stylesheet]")).ToHaveAttributeAsync("href", "/ui/console.css");
        await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        Assert.Empty(await context.CookiesAsync());

        await ConsolePages.VisitAsync(page, "/act/not-a-token", expectedStatus: 404);
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/act/[A-Za-z0-9_.-]+")]
    private static partial Regex LinkPattern();
}
