using System.Text.Json;
using GapMonitor.Cli.Ops;

namespace GapMonitor.Cli.Tests.Ops;

/// <summary>
/// <c>gapmonitor scorecard</c> against the real API on a loopback port and Azurite: two systems registered an hour
/// ago, one sending heartbeats, the other silent since a sweep 8 minutes after registration.
/// </summary>
public sealed class ScorecardCommandTests : IAsyncLifetime
{
    private OpsApiHost _host = null!;
    private string _customer = null!;
    private string _url = null!;
    private readonly OpsCli _cli = new();

    public async Task InitializeAsync()
    {
        _host = await OpsApiHost.StartAsync();
        _url = _host.Url.AbsoluteUri;
        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        _customer = await _host.CreateKeyAsync("customer", customer: "acme");
        await _host.RegisterAsync(vendor, "acme-churn", "contoso-ml", "acme");
        await _host.RegisterAsync(vendor, "acme-upsell", "contoso-ml", "acme");
        _host.Time.Advance(TimeSpan.FromMinutes(8));
        await _host.JsonAsync(HttpMethod.Post, "/api/systems/acme-churn/heartbeats", OpsApiHost.AdminKey, new { status = "ok" }, 202);
        await _host.JsonAsync(HttpMethod.Post, "/api/sweep", OpsApiHost.AdminKey);
        _host.Time.Advance(TimeSpan.FromMinutes(60));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task OfASystem_ShowsEachMeasureAgainstItsTarget_TheMissedOnesMarked()
    {
        var (exit, output, error) = await _cli.RunAsync("scorecard", "acme-upsell", "--url", _url, "--key", _customer);

        Assert.True(exit == 0, error);
        Assert.Equal("", error);
        Assert.Contains("acme-upsell: continuity score", output, StringComparison.Ordinal);
        Assert.Contains("monitoring-up-share", output, StringComparison.Ordinal);
        Assert.Contains("11.8%", output, StringComparison.Ordinal); // silent 60 of the 68 minutes since registration
        Assert.Contains("≥ 99%", output, StringComparison.Ordinal);
        Assert.Contains("NO", output, StringComparison.Ordinal);
        Assert.Contains("deliveries-given-up", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_IsTheApisAnswer_ForTheSamePeriod()
    {
        var (exit, output, _) = await _cli.RunAsync("scorecard", "acme-churn", "--from", "2026-11-26T00:00:00Z", "--to", "2026-11-26T09:00:00Z", "--format", "json", "--url", _url, "--key", _customer);
        var api = await _host.JsonAsync(HttpMethod.Get, "/api/systems/acme-churn/scorecard?from=2026-11-26T00:00:00Z&to=2026-11-26T09:00:00Z", _customer);

        Assert.Equal(0, exit);
        using var printed = JsonDocument.Parse(output);
        Assert.Equal(api.GetRawText(), JsonSerializer.Serialize(printed.RootElement));
    }

    [Fact]
    public async Task WithoutASystem_ListsTheFleetsScorecards()
    {
        var (exit, output, _) = await _cli.RunAsync("scorecard", "--url", _url, "--key", _customer);
        var json = await _cli.RunAsync("scorecard", "--format", "json", "--url", _url, "--key", _customer);

        Assert.Equal(0, exit);
        Assert.Contains("acme-churn", output, StringComparison.Ordinal);
        Assert.Contains("acme-upsell", output, StringComparison.Ordinal);
        Assert.Contains("2 system(s), average score", output, StringComparison.Ordinal);
        using var printed = JsonDocument.Parse(json.Output);
        Assert.Equal(2, printed.RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task FleetJson_ReadOverSeveralPages_CountsItsTotalsOverEverySystemRead()
    {
        var (exit, output, error) = await new OpsCli(pageSize: 1).RunAsync("scorecard", "--url", _url, "--key", _customer, "--format", "json");

        Assert.True(exit == 0, error);
        using var document = JsonDocument.Parse(output);
        var totals = document.RootElement.GetProperty("totals");
        Assert.Equal(2, document.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(2, totals.GetProperty("systemsOnPage").GetInt32());
        var up = totals.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("measure").GetString() == "monitoring-up-share");
        Assert.Equal(2, up.GetProperty("met").GetInt32() + up.GetProperty("missed").GetInt32() + up.GetProperty("noValue").GetInt32());
    }

    [Fact]
    public async Task ABadPeriod_Exits1_NamingTheField()
    {
        var (exit, _, error) = await _cli.RunAsync("scorecard", "acme-churn", "--from", "yesterday", "--url", _url, "--key", _customer);

        Assert.Equal(OpsExitCodes.ApiError, exit);
        Assert.Contains("from", error, StringComparison.Ordinal);
    }
}
