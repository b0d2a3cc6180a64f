using GapMonitor.Cli.Demo;
using GapMonitor.Cli.Tests.Ops;

namespace GapMonitor.Cli.Tests.Demo;

/// <summary>The demo's last scene against the standalone host on a loopback port: sign in with the vendor's key and read the fleet page.</summary>
public sealed class DemoConsoleTests : IAsyncLifetime
{
    private OpsApiHost _host = null!;

    public async Task InitializeAsync() => _host = await OpsApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SigningInWithTheVendorsKey_ShowsItsFleet_AndNoOtherTenantsSystem()
    {
        var vendor = (await _host.JsonAsync(HttpMethod.Post, "/api/keys", OpsApiHost.AdminKey, new { role = "vendor", vendor = "contoso-ml", name = "contoso-ml operations" }, 201)).GetProperty("key").GetString()!;
        var other = await _host.CreateKeyAsync("vendor", vendor: "fabrikam-ai");
        await _host.RegisterAsync(vendor, "acme-churn", "contoso-ml", "acme");
        await _host.RegisterAsync(vendor, "acme-fraud", "contoso-ml", "acme");
        await _host.RegisterAsync(other, "globex-vision", "fabrikam-ai", "globex");

        var fleet = await new DemoConsole(_host.Url).OpenFleetAsync(vendor, CancellationToken.None);

        Assert.Null(fleet.Failure);
        Assert.Equal(new Uri(_host.Url, "/ui/fleet"), fleet.Address);
        Assert.Equal("vendor:contoso-ml", fleet.SignedInAs);
        Assert.Equal(["acme-churn", "acme-fraud"], fleet.Systems.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AKeyThatIsNotValid_SaysWhyTheConsoleCouldNotShowTheFleet()
    {
        var fleet = await new DemoConsole(_host.Url).OpenFleetAsync("gm_not_a_key", CancellationToken.None);

        Assert.Equal("sign-in answered 401", fleet.Failure);
        Assert.Empty(fleet.Systems);
    }

    [Fact]
    public void TheSignInLines_NameTheConsolesAddress_TheKeyToPaste_AndTheDriftedSystemsPage()
    {
        var lines = DemoConsole.SignInLines(new Uri("http://127.0.0.1:7071"), "contoso-ml", "gm_vendor_key", "gm_admin_key", "acme-churn");

        Assert.Equal(
            [
                "Console: http://127.0.0.1:7071/ — sign in by pasting contoso-ml's vendor key: gm_vendor_key",
                "(the admin key gm_admin_key sees every tenant; a customer key only its own systems)",
                "A drifted system with its charts: http://127.0.0.1:7071/ui/systems/acme-churn",
            ],
            lines);
    }
}
